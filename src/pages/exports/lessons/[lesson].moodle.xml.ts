import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { toMoodleXml } from '../../../export/moodle-xml';
import { getExportCourse } from '../../../export/load';

export const getStaticPaths = (async () =>
  (await getCollection('lessons')).map((lesson) => ({ params: { lesson: lesson.id } }))) satisfies GetStaticPaths;

/** One lesson's questions, ordering included, for Moodle (Moodle XML format). */
export const GET: APIRoute = async ({ params, site }) => {
  const course = await getExportCourse(site);
  const { text } = toMoodleXml(
    course,
    course.lessons.filter((l) => l.id === params.lesson),
  );
  return new Response(text, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
