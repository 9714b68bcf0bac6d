import type { APIRoute } from 'astro';
import { toMoodleXml } from '../../export/moodle-xml';
import { getExportCourse } from '../../export/load';

/** Every question of the course, ordering included, for Moodle: Question bank → Import → Moodle XML format. */
export const GET: APIRoute = async ({ site }) => {
  const { text } = toMoodleXml(await getExportCourse(site));
  return new Response(text, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
