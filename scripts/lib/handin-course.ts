// The hand-in course manifest read straight from content/ (no Astro), for the bench and the tests: the same
// buildManifest() the results page gets at build time, so fixtures made from it match the built site.
import { loadContent } from '../../src/content-check/load.ts';
import { buildManifest, type CourseManifest } from '../../src/handin/course.ts';
import { attributionFallback } from '../../src/quiz/attribution.ts';
import { COURSE_CLASSES, COURSE_ID } from '../../src/lib/course-id.ts';

export function manifestFromContent(root: string): CourseManifest {
  const { content, problems } = loadContent(root);
  if (problems.length > 0) throw new Error(`content/ has ${problems.length} problems: run npm run check`);
  const lessons = [...content.lessons].sort((a, b) => a.data.order - b.data.order);
  // In the course's order, as the site's getSources() has them: a two-report question's a and b follow it.
  const sources = [...content.sources].sort((a, b) => a.data.order - b.data.order);
  const sourceIds = sources.map((source) => source.id);
  return buildManifest(
    lessons.map((lesson) => ({
      id: lesson.id,
      title: `${lesson.data.order}. ${lesson.data.title}`,
      objectives: lesson.data.objectives,
      questions: content.placements
        .filter((placement) => placement.lesson === lesson.id)
        .flatMap((placement) => content.quizzes.find((quiz) => quiz.id === placement.quiz)?.data.questions ?? []),
      reports: attributionFallback(lesson.data.readings, sourceIds),
    })),
    {
      courseId: COURSE_ID,
      classes: COURSE_CLASSES,
      reportLabels: Object.fromEntries(sources.map((source) => [source.id, source.data.label])),
    },
  );
}
