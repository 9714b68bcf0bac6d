/**
 * Where the course is published. Set once, as `site:` in content/course.yaml; the environment variable
 * COURSE_SITE_URL, when set, wins (for a second copy of the same course). Without either, the build uses a local
 * address that works only on the instructor's own computer: the exports and worksheets then say so on their
 * first line, and `npm run build` warns.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { LOCAL_SITE } from './site';

export interface SiteAddress {
  url: string;
  /** Where it came from: unset means the local placeholder. */
  from: 'COURSE_SITE_URL' | 'content/course.yaml' | 'unset';
}

export function siteAddress(courseFolder: string, env: NodeJS.ProcessEnv = process.env): SiteAddress {
  const fromEnv = env.COURSE_SITE_URL?.trim();
  if (fromEnv) return { url: fromEnv, from: 'COURSE_SITE_URL' };
  const file = join(courseFolder, 'content', 'course.yaml');
  if (existsSync(file)) {
    try {
      const data: unknown = parse(readFileSync(file, 'utf8'));
      const site = typeof data === 'object' && data !== null ? (data as { site?: unknown }).site : undefined;
      // A malformed address is reported by the content check, which stops the build.
      if (typeof site === 'string' && URL.canParse(site)) return { url: site, from: 'content/course.yaml' };
    } catch {
      // A YAML mistake in the course file is reported, with its line, by the content check.
    }
  }
  return { url: LOCAL_SITE, from: 'unset' };
}
