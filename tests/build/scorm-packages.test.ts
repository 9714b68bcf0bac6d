// The SCORM packages as built into dist/exports/scorm/: one per lesson and one for the course, in SCORM 1.2 and
// 2004; each self-contained (every file a page, style or script refers to is inside the zip, at a relative
// address) and listed in its manifest; and the runtime in no page of the site itself.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { strFromU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { builtPages, distDir, repoRoot } from '../built-site.ts';
import { LAUNCH, packageConfig, scormDir, unzipPackage } from '../browser/scorm-fixtures';

const lessons = readdirSync(join(repoRoot, 'content/lessons'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));
const names = [...lessons, 'course'].flatMap((id) => [`${id}-scorm12.zip`, `${id}-scorm2004.zip`]);

/** Every address a file refers to: attributes in HTML, url() in CSS, imports in JS. */
function references(path: string, text: string): string[] {
  if (path.endsWith('.html'))
    return [...text.matchAll(/\s(?:href|src|component-url|renderer-url|before-hydration-url)="([^"]*)"/g)].map(
      (m) => m[1]!,
    );
  if (path.endsWith('.css')) return [...text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]!);
  if (path.endsWith('.js'))
    return [
      ...[...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1]!),
      // Links the islands render themselves.
      ...[...text.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!),
    ];
  return [];
}

describe('SCORM packages', () => {
  test('a SCORM 1.2 and a SCORM 2004 package for every lesson and for the course', () => {
    expect(readdirSync(scormDir).sort()).toEqual([...names].sort());
  });

  describe.each(names)('%s', (name) => {
    const files = unzipPackage(name);
    const paths = Object.keys(files);
    const text = (path: string) => strFromU8(files[path]!);

    test('is self-contained: every address in it is relative and found in the zip, or the published site', () => {
      const missing: string[] = [];
      for (const path of paths) {
        for (const ref of references(path, text(path))) {
          if (/^(https?:|data:|mailto:|#|about:)/.test(ref)) continue;
          if (ref.startsWith('/')) {
            missing.push(`${path}: site-absolute ${ref}`);
            continue;
          }
          const target = posix.normalize(posix.join(posix.dirname(path), ref.replace(/[?#].*$/, '')));
          if (!files[target]) missing.push(`${path}: ${ref} (${target})`);
        }
      }
      expect(missing).toEqual([]);
    });

    test('the manifest lists every file, and launches the page that holds the LMS session', () => {
      const manifest = text('imsmanifest.xml');
      const listed = [...manifest.matchAll(/<file href="([^"]+)"\/>/g)].map((m) => m[1]!);
      expect(listed.sort()).toEqual(paths.filter((p) => p !== 'imsmanifest.xml').sort());
      expect(manifest).toContain(`href="${LAUNCH}"`);
      const config = packageConfig(files);
      expect(manifest).toContain(name.includes('scorm12') ? '<schemaversion>1.2</schemaversion>' : '2004 4th Edition');
      expect(config.version).toBe(name.includes('scorm12') ? '1.2' : '2004');
    });

    test('holds its lessons, and the reports and background pages they link to', () => {
      const config = packageConfig(files);
      for (const lesson of config.lessons) expect(paths).toContain(`lessons/${lesson}/index.html`);
      expect(paths.some((p) => p.startsWith('reports/'))).toBe(true);
      expect(paths.some((p) => p.startsWith('background/'))).toBe(true);
      // No other lesson than its own.
      expect(paths.filter((p) => /^lessons\/[^/]+\/index\.html$/.test(p)).length).toBe(config.lessons.length);
    });
  });

  test('the site’s own pages never load the SCORM runtime', () => {
    for (const page of builtPages()) {
      const html = readFileSync(page.file, 'utf8');
      expect(html, page.path).not.toContain('scorm/runtime.js');
      expect(html, page.path).not.toContain('scorm-package');
    }
    expect(readdirSync(join(distDir, '_astro')).some((f) => /scorm/i.test(f))).toBe(false);
  });
});
