/**
 * Which folder holds the course's content/. Normally the project itself; COURSE_DIR points the build, the dev
 * server and the check at another one (the tests build a fixture course this way), so one copy of the code can
 * build any course.
 */
import { resolve } from 'node:path';

export function courseFolder(projectRoot: string = process.cwd()): string {
  const chosen = process.env.COURSE_DIR;
  return chosen ? resolve(projectRoot, chosen) : resolve(projectRoot);
}
