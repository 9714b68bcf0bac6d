import type { APIRoute } from 'astro';
import { toQtiZip } from '../../export/qti';
import { getExportCourse } from '../../export/load';

/** Every exportable question of the course, for Canvas: Settings → Import course content → QTI .zip file. */
export const GET: APIRoute = async ({ site }) => {
  const { zip } = toQtiZip(await getExportCourse(site));
  return new Response(zip, { headers: { 'Content-Type': 'application/zip' } });
};
