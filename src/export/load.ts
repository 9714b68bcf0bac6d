/** Gathers the course for the exports and the paper pages from the content collections (build time only). */
import { getCollection } from 'astro:content';
import type { Quiz } from '../schemas/question';
import { SITE_NAME } from '../lib/site';
import { quizIdsIn } from '../lib/quiz-tags';
import type { ExportCourse, ExportLesson } from './types';

/**
 * `siteUrl` is the `site` of astro.config.mjs, so links in an LMS lead back to the published course.
 * Not cached: in `npm run dev` an edited quiz shows up on the next reload (Astro caches the collections).
 */
export async function getExportCourse(site: URL | string | undefined): Promise<ExportCourse> {
  const siteUrl = String(site ?? 'http://localhost:4321');
  const quizzes = new Map((await getCollection('quizzes')).map((entry) => [entry.id, entry.data as Quiz]));
  const lessons: ExportLesson[] = (await getCollection('lessons'))
    .map((entry) => ({
      id: entry.id,
      title: entry.data.title,
      order: entry.data.order,
      objectives: entry.data.objectives,
      // A quiz id that names no quiz is reported by the content check; here it is left out.
      quizzes: quizIdsIn(entry.body ?? '').flatMap((id) => (quizzes.has(id) ? [quizzes.get(id)!] : [])),
    }))
    .sort((a, b) => a.order - b.order);
  const sources = (await getCollection('sources'))
    .sort((a, b) => a.data.order - b.data.order)
    .map((entry) => ({
      id: entry.id,
      label: entry.data.label,
      title: entry.data.title,
      paragraphs: entry.data.paragraphs,
    }));
  const titles = <T extends { id: string }>(items: T[], name: (item: T) => string) =>
    Object.fromEntries(items.map((item) => [item.id, name(item)]));
  const notes = (await getCollection('annotations')).flatMap((file) =>
    file.data.notes.map((note) => [note.id, file.data.source] as const),
  );
  return {
    title: SITE_NAME,
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
