import type { APIRoute } from 'astro';
import { toGift } from '../../export/gift';
import { getExportCourse } from '../../export/load';

/** Every exportable question of the course, for Moodle: Question bank → Import → GIFT format. */
export const GET: APIRoute = async ({ site }) => {
  const { text } = toGift(await getExportCourse(site));
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
