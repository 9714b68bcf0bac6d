// The hand-in course manifest read straight from content/ (no Astro), for the bench and the tests: the same
// buildManifest() the results page gets at build time, so fixtures made from it match the built site.
import { loadContent } from '../../src/content-check/load.ts';
import { buildManifest, type CourseManifest } from '../../src/handin/course.ts';
import { COURSE_ID } from '../../src/lib/course-id.ts';

export function manifestFromContent(root: string): CourseManifest {
  const { content, problems } = loadContent(root);
  if (problems.length > 0) throw new Error(`content/ has ${problems.length} problems: run npm run check`);
  const lessons = [...content.lessons].sort((a, b) => a.data.order - b.data.order);
  return buildManifest(
    lessons.map((lesson) => ({
      id: lesson.id,
      title: `${lesson.data.order}. ${lesson.data.title}`,
      objectives: lesson.data.objectives,
      questions: content.placements
        .filter((placement) => placement.lesson === lesson.id)
        .flatMap((placement) => content.quizzes.find((quiz) => quiz.id === placement.quiz)?.data.questions ?? []),
    })),
    { courseId: COURSE_ID },
  );
}
