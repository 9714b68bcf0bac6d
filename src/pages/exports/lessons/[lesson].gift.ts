import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { toGift } from '../../../export/gift';
import { getExportCourse } from '../../../export/load';

export const getStaticPaths = (async () =>
  (await getCollection('lessons')).map((lesson) => ({ params: { lesson: lesson.id } }))) satisfies GetStaticPaths;

/** One lesson's questions, for Moodle. */
export const GET: APIRoute = async ({ params, site }) => {
  const course = await getExportCourse(site);
  const { text } = toGift(
    course,
    course.lessons.filter((l) => l.id === params.lesson),
  );
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
