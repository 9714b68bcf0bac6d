/**
 * SCORM packages of the built site, made after the build from the files in dist/ (see integration.ts): for a
 * lesson, its page and the reports, background topics, map, timeline and glossary pages it links to; for the
 * course, the home page, every lesson and what they link to. Each package also holds all of /_astro/ (styles
 * and island code, ~150 KB), a launch page (scorm-launch.html) that keeps the LMS session and frames the course's
 * pages, the runtime (runtime.ts, bundled) and imsmanifest.xml for SCORM 1.2 or SCORM 2004 4th edition.
 *
 * Links are made relative, to index.html files (an LMS serves a package's files as files, without the
 * folder index a web host adds), so nothing is fetched from outside the package. A link to a page the
 * package does not hold goes to the published site, in a new tab.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { el, xmlDocument } from '../export/xml';
import type { PackageConfig, PackageQuestion, ScormVersion } from './types';

export interface PackageSpec {
  /** File name stem and manifest identifier: a lesson id, or "course". */
  id: string;
  title: string;
  /** Site paths of the pages the package opens with and whose links it follows: "/lessons/what-happened/". */
  entries: string[];
  lessons: string[];
  questions: PackageQuestion[];
}

/** Kinds of page a package brings along when its entry pages link to them. */
const LINKED_KINDS = ['/lessons/', '/reports/', '/background/', '/map/', '/timeline/', '/glossary/'];

/** "/reports/<id>/#p2" → "reports/<id>/index.html" (or undefined when that is not a built page). */
export function pageFile(distDir: string, sitePath: string): string | undefined {
  const path = sitePath.replace(/[?#].*$/, '');
  if (!path.startsWith('/') || path.startsWith('//')) return undefined;
  const file = path === '/' ? 'index.html' : posix.join(path.slice(1), 'index.html');
  return existsSync(join(distDir, file)) ? file : undefined;
}

const ATTRIBUTE = /\s(href|src|component-url|renderer-url|before-hydration-url|action)="([^"]*)"/g;

function linkedPages(distDir: string, file: string): string[] {
  const html = readFileSync(join(distDir, file), 'utf8');
  return [...html.matchAll(ATTRIBUTE)]
    .filter(([, name, value]) => name === 'href' && LINKED_KINDS.some((kind) => value!.startsWith(kind)))
    .map(([, , value]) => value!);
}

/** The pages of a package: its entries and the pages of LINKED_KINDS they link to (lessons only if its own). */
export function packagePages(distDir: string, spec: PackageSpec): string[] {
  const own = new Set(spec.lessons.map((id) => `lessons/${id}/index.html`));
  const pages = new Set<string>();
  const entries = spec.entries.map((e) => pageFile(distDir, e)).filter((f): f is string => f !== undefined);
  for (const entry of entries) pages.add(entry);
  for (const entry of entries)
    for (const link of linkedPages(distDir, entry)) {
      const file = pageFile(distDir, link);
      if (file && (!file.startsWith('lessons/') || own.has(file))) pages.add(file);
    }
  return [...pages];
}

/** Rewrites one page's site-absolute URLs: relative inside the package, absolute on the published site outside it. */
export function rewritePage(html: string, file: string, inPackage: ReadonlySet<string>, siteUrl: string): string {
  const from = posix.dirname(file);
  return html.replace(ATTRIBUTE, (whole, name: string, value: string) => {
    if (!value.startsWith('/') || value.startsWith('//')) return whole;
    const suffix = /[?#].*$/.exec(value)?.[0] ?? '';
    const path = value.slice(0, value.length - suffix.length);
    const target = path.startsWith('/_astro/')
      ? path.slice(1)
      : path === '/'
        ? 'index.html'
        : posix.join(path.slice(1), 'index.html');
    if (path.startsWith('/_astro/') || inPackage.has(target)) {
      const rel = posix.relative(from, target) || posix.basename(target);
      return ` ${name}="${rel}${suffix}"`;
    }
    const absolute = `${siteUrl.replace(/\/+$/, '')}${value}`;
    // A page outside the package opens on the published site, in its own tab, not inside the LMS's frame.
    return name === 'href' ? ` href="${absolute}" target="_blank" rel="noopener"` : ` ${name}="${absolute}"`;
  });
}

/**
 * Links the islands render themselves ("Your progress page", "Go to review") are in their compiled templates as
 * href="/progress/". No such page is in a package, and inside an LMS "/" is the LMS's own site: they go to the
 * published site in a new tab, like the pages' links to pages outside the package.
 */
function rewriteIslandLinks(js: string, siteUrl: string): string {
  return js.replace(
    /href="\/(?!\/)([^"]*)"/g,
    (_, path: string) => `href="${siteUrl.replace(/\/+$/, '')}/${path}" target="_blank" rel="noopener"`,
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The launch page: the runtime, a line for its notices, and the package's first page in a frame that fills the window. */
function launchPage(config: PackageConfig, first: string): string {
  // JSON in a data block cannot end the block early: "<" is written as \u003c.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="content-security-policy" content="default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'">
<title>${escapeHtml(config.title)}</title>
<link rel="stylesheet" href="scorm/launch.css">
<script type="application/json" id="scorm-package">${json}</script>
<script src="scorm/runtime.js"></script>
</head>
<body>
<iframe id="scorm-content" src="${escapeHtml(first)}" title="${escapeHtml(config.title)}"></iframe>
</body>
</html>
`;
}

const LAUNCH_CSS = `html, body { height: 100%; margin: 0; }
body { display: flex; flex-direction: column; }
#scorm-content { flex: 1; width: 100%; border: 0; }
`;

const SCHEMA_LOCATIONS: Record<ScormVersion, string> = {
  '1.2':
    'http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd ' +
    'http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd',
  '2004':
    'http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd ' +
    'http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd ' +
    'http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd ' +
    'http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd ' +
    'http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd',
};

/** The page the LMS opens (the SCO): it holds the LMS session and frames the course's pages. */
export const LAUNCH_PAGE = 'scorm-launch.html';

/** imsmanifest.xml: one organization with one item, a single SCO (the launch page) listing every file. */
export function manifest(version: ScormVersion, spec: PackageSpec, masteryScore: number, files: string[]): string {
  const id = `course-${spec.id}-scorm${version === '1.2' ? '12' : '2004'}`;
  const fileList = files.map((href) => el('file', { href }));
  if (version === '1.2') {
    return xmlDocument(
      el(
        'manifest',
        {
          identifier: id,
          version: '1',
          xmlns: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
          'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
          'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
          'xsi:schemaLocation': SCHEMA_LOCATIONS['1.2'],
        },
        el('metadata', {}, el('schema', {}, 'ADL SCORM'), el('schemaversion', {}, '1.2')),
        el(
          'organizations',
          { default: 'org' },
          el(
            'organization',
            { identifier: 'org' },
            el('title', {}, spec.title),
            el(
              'item',
              { identifier: 'item', identifierref: 'sco', isvisible: 'true' },
              el('title', {}, spec.title),
              // 1.2's mastery score is a percentage; the LMS passes it to the SCO as cmi.student_data.mastery_score.
              el('adlcp:masteryscore', {}, String(Math.round(masteryScore * 100))),
            ),
          ),
        ),
        el(
          'resources',
          {},
          el(
            'resource',
            { identifier: 'sco', type: 'webcontent', 'adlcp:scormtype': 'sco', href: LAUNCH_PAGE },
            fileList,
          ),
        ),
      ),
    );
  }
  return xmlDocument(
    el(
      'manifest',
      {
        identifier: id,
        version: '1',
        xmlns: 'http://www.imsglobal.org/xsd/imscp_v1p1',
        'xmlns:adlcp': 'http://www.adlnet.org/xsd/adlcp_v1p3',
        'xmlns:adlseq': 'http://www.adlnet.org/xsd/adlseq_v1p3',
        'xmlns:adlnav': 'http://www.adlnet.org/xsd/adlnav_v1p3',
        'xmlns:imsss': 'http://www.imsglobal.org/xsd/imsss',
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation': SCHEMA_LOCATIONS['2004'],
      },
      el('metadata', {}, el('schema', {}, 'ADL SCORM'), el('schemaversion', {}, '2004 4th Edition')),
      el(
        'organizations',
        { default: 'org' },
        el(
          'organization',
          { identifier: 'org' },
          el('title', {}, spec.title),
          el(
            'item',
            { identifier: 'item', identifierref: 'sco' },
            el('title', {}, spec.title),
            // The mastery score as the item's primary objective: the LMS hands it to the SCO as
            // cmi.scaled_passing_score and judges success by the scaled score against it.
            el(
              'imsss:sequencing',
              {},
              el(
                'imsss:objectives',
                {},
                el(
                  'imsss:primaryObjective',
                  { objectiveID: 'mastery', satisfiedByMeasure: 'true' },
                  el('imsss:minNormalizedMeasure', {}, String(masteryScore)),
                ),
              ),
            ),
          ),
        ),
      ),
      el(
        'resources',
        {},
        el(
          'resource',
          { identifier: 'sco', type: 'webcontent', 'adlcp:scormType': 'sco', href: LAUNCH_PAGE },
          fileList,
        ),
      ),
    ),
  );
}

export interface BuiltPackage {
  files: Record<string, Uint8Array>;
  config: PackageConfig;
}

/** Every file of one package, by its path inside the zip. */
export function packageFiles(
  distDir: string,
  spec: PackageSpec,
  version: ScormVersion,
  options: { runtime: string; masteryScore: number; siteUrl: string },
): BuiltPackage {
  const pages = packagePages(distDir, spec);
  const inPackage = new Set(pages);
  const files: Record<string, Uint8Array> = {};
  for (const page of pages)
    files[page] = strToU8(rewritePage(readFileSync(join(distDir, page), 'utf8'), page, inPackage, options.siteUrl));
  const astroDir = join(distDir, '_astro');
  for (const path of filesUnder(astroDir).filter((p) => !p.endsWith('.map'))) {
    const name = relative(distDir, path).split(/[\\/]/).join('/');
    files[name] = name.endsWith('.js')
      ? strToU8(rewriteIslandLinks(readFileSync(path, 'utf8'), options.siteUrl))
      : readFileSync(path);
  }
  const config: PackageConfig = {
    version,
    title: spec.title,
    lessons: spec.lessons,
    questions: spec.questions,
    masteryScore: options.masteryScore,
  };
  const first = pageFile(distDir, spec.entries[0]!)!;
  // Not index.html: the course package holds the site's home page under that name.
  files[LAUNCH_PAGE] = strToU8(launchPage(config, first));
  files['scorm/runtime.js'] = strToU8(options.runtime);
  files['scorm/launch.css'] = strToU8(LAUNCH_CSS);
  files['imsmanifest.xml'] = strToU8(manifest(version, spec, options.masteryScore, Object.keys(files).sort()));
  return { files, config };
}

/** Files are dated to a fixed day so that the same content always builds the same zip. */
const ZIP_DATE = new Date('2024-04-23T00:00:00Z');

export function zipPackage(files: Record<string, Uint8Array>): Uint8Array {
  return zipSync(files, { mtime: ZIP_DATE, level: 9 });
}

export const packageName = (id: string, version: ScormVersion) => `${id}-scorm${version === '1.2' ? '12' : '2004'}.zip`;
