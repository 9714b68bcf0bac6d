/** Gathers the course for the exports and the paper pages from the content collections (build time only). */
import { getCollection } from 'astro:content';
import type { Quiz } from '../schemas/question';
import { getCourse } from '../lib/course';
import { LOCAL_SITE } from '../lib/site';
import { quizIdsIn } from '../lib/quiz-tags';
import { attributionFallback, resolveAttribution } from '../quiz/attribution';
import type { ExportCourse, ExportLesson } from './types';

const cache = new Map<string, Promise<ExportCourse>>();

/**
 * `siteUrl` is the `site` of astro.config.mjs, so links in an LMS lead back to the published course.
 * A build reads the course once, however many lessons it exports (every per-lesson file used to read it all
 * again: 4 ms each at 25 lessons, 20 ms at 250). `npm run dev` reads it afresh on every request, so an edited
 * quiz shows up on the next reload.
 */
export function getExportCourse(site: URL | string | undefined): Promise<ExportCourse> {
  const siteUrl = String(site ?? LOCAL_SITE);
  if (!import.meta.env.PROD) return readExportCourse(siteUrl);
  let course = cache.get(siteUrl);
  if (!course) cache.set(siteUrl, (course = readExportCourse(siteUrl)));
  return course;
}

async function readExportCourse(siteUrl: string): Promise<ExportCourse> {
  const quizzes = new Map((await getCollection('quizzes')).map((entry) => [entry.id, entry.data as Quiz]));
  const sources = (await getCollection('sources'))
    .sort((a, b) => a.data.order - b.data.order)
    .map((entry) => ({
      id: entry.id,
      label: entry.data.label,
      title: entry.data.title,
      paragraphs: entry.data.paragraphs,
    }));
  const lessons: ExportLesson[] = (await getCollection('lessons'))
    .map((entry) => {
      // Attribution questions name their reports here, as on the lesson page (src/lib/quizzes.ts).
      const fallback = attributionFallback(
        entry.data.readings,
        sources.map((s) => s.id),
      );
      const named = (quiz: Quiz): Quiz => ({
        ...quiz,
        questions: quiz.questions.map((q) => (q.type === 'attribution' ? resolveAttribution(q, fallback) : q)),
      });
      return {
        id: entry.id,
        title: entry.data.title,
        order: entry.data.order,
        objectives: entry.data.objectives,
        // A quiz id that names no quiz is reported by the content check; here it is left out.
        quizzes: quizIdsIn(entry.body ?? '').flatMap((id) => (quizzes.has(id) ? [named(quizzes.get(id)!)] : [])),
      };
    })
    .sort((a, b) => a.order - b.order);
  const titles = <T extends { id: string }>(items: T[], name: (item: T) => string) =>
    Object.fromEntries(items.map((item) => [item.id, name(item)]));
  const notes = (await getCollection('annotations')).flatMap((file) =>
    file.data.notes.map((note) => [note.id, file.data.source] as const),
  );
  return {
    title: (await getCourse()).title,
    siteUrl,
    lessons,
    sources,
    names: {
      topic: titles(await getCollection('topics'), (t) => t.data.title),
      term: titles(
        (await getCollection('glossary')).map((e) => e.data),
        (t) => t.term,
      ),
      event: titles(
        (await getCollection('timeline')).map((e) => e.data),
        (e) => e.title,
      ),
      place: titles(
        (await getCollection('places')).map((e) => e.data),
        (p) => p.name,
      ),
      note: Object.fromEntries(notes),
    },
  };
}
