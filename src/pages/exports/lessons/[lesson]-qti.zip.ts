import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { toQtiZip } from '../../../export/qti';
import { getExportCourse } from '../../../export/load';

export const getStaticPaths = (async () =>
  (await getCollection('lessons')).map((lesson) => ({ params: { lesson: lesson.id } }))) satisfies GetStaticPaths;

/** One lesson's questions, for Canvas. */
export const GET: APIRoute = async ({ params, site }) => {
  const course = await getExportCourse(site);
  const { zip } = toQtiZip(
    course,
    course.lessons.filter((l) => l.id === params.lesson),
  );
  return new Response(zip, { headers: { 'Content-Type': 'application/zip' } });
};
