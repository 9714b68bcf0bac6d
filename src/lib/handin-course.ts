/** The course as hand-in files are checked against it, read from the content collections (build time only). */
import { buildManifest, type CourseManifest } from '../handin/course';
import { attributionFallback } from '../quiz/attribution';
import { getSources } from './course';
import { COURSE_CLASSES, COURSE_ID } from './course-id';
import { getLessons, lessonQuizzes } from './quizzes';

export async function getHandInManifest(): Promise<CourseManifest> {
  const lessons = await getLessons();
  const sources = await getSources();
  const sourceIds = sources.map((source) => source.id);
  return buildManifest(
    await Promise.all(
      lessons.map(async (lesson) => ({
        id: lesson.id,
        title: `${lesson.data.order}. ${lesson.data.title}`,
        objectives: lesson.data.objectives,
        questions: (await lessonQuizzes(lesson)).flatMap((quiz) => quiz.data.questions),
        reports: attributionFallback(lesson.data.readings, sourceIds),
      })),
    ),
    {
      courseId: COURSE_ID,
      classes: COURSE_CLASSES,
      reportLabels: Object.fromEntries(sources.map((source) => [source.id, source.data.label])),
    },
  );
}
