/** The course as hand-in files are checked against it, read from the content collections (build time only). */
import { buildManifest, type CourseManifest } from '../handin/course';
import { COURSE_ID } from './course-id';
import { getLessons, lessonQuizzes } from './quizzes';

export async function getHandInManifest(): Promise<CourseManifest> {
  const lessons = await getLessons();
  return buildManifest(
    await Promise.all(
      lessons.map(async (lesson) => ({
        id: lesson.id,
        title: `${lesson.data.order}. ${lesson.data.title}`,
        objectives: lesson.data.objectives,
        questions: (await lessonQuizzes(lesson)).flatMap((quiz) => quiz.data.questions),
      })),
    ),
    { courseId: COURSE_ID },
  );
}
