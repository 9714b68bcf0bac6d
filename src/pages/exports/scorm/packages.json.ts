import { readFileSync } from 'node:fs';
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { questionHash } from '../../../quiz/hash';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { getExportCourse } from '../../../export/load';
import { packageQuestion } from '../../../scorm/config';
import type { PackageSpec } from '../../../scorm/package';

/**
 * What each SCORM package holds, for src/scorm/integration.ts, which zips the packages once the pages are built
 * (an endpoint cannot: the pages it packs may not be rendered yet) and then deletes this file.
 */
const scormSettings = z.strictObject({ masteryScore: z.number().min(0).max(100) });

export const GET: APIRoute = async ({ site }) => {
  const course = await getExportCourse(site);
  // Hashes of the questions as written: the exports' copies have attribution questions resolved.
  const written = new Map(
    (await getCollection('quizzes')).flatMap((entry) =>
      entry.data.questions.map((q) => [`${entry.data.id}/${q.id}`, questionHash(q)] as const),
    ),
  );
  const settings = scormSettings.parse(parse(readFileSync('content/scorm.yaml', 'utf8')));
  const lessonSpec = (lesson: (typeof course.lessons)[number]): PackageSpec => ({
    id: lesson.id,
    title: `${course.title}: Lesson ${lesson.order}. ${lesson.title}`,
    entries: [`/lessons/${lesson.id}/`],
    lessons: [lesson.id],
    questions: lesson.quizzes.flatMap((quiz) =>
      quiz.questions.map((q) => packageQuestion(lesson.id, q, written.get(`${quiz.id}/${q.id}`))),
    ),
  });
  const lessons = course.lessons.map(lessonSpec);
  const whole: PackageSpec = {
    id: 'course',
    title: course.title,
    entries: ['/', ...lessons.flatMap((l) => l.entries)],
    lessons: lessons.flatMap((l) => l.lessons),
    questions: lessons.flatMap((l) => l.questions),
  };
  const body = { masteryScore: settings.masteryScore / 100, siteUrl: course.siteUrl, packages: [...lessons, whole] };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
