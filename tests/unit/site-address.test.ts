// Where the course is published: set once in content/course.yaml, COURSE_SITE_URL wins, and a build without
// either warns and marks its exports.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import contentCheck from '../../src/content-check/integration';
import { siteAddress } from '../../src/lib/site-address';
import { toGift } from '../../src/export/gift';
import { toQtiFiles } from '../../src/export/qti';
import { isLocalSite, UNSET_SITE_NOTICE } from '../../src/lib/site';
import { course } from './export-fixtures';
import { fixture } from './content-check-helpers';

let root = '';
afterEach(() => {
  if (root) rmSync(root, { recursive: true });
  root = '';
});
const courseWith = (extra: string) => {
  root = mkdtempSync(join(tmpdir(), 'site-'));
  cpSync(fixture('content-valid'), root, { recursive: true });
  writeFileSync(join(root, 'content/course.yaml'), `${extra}\n`, { flag: 'a' });
  return root;
};

describe('siteAddress', () => {
  it('reads site: from the course file; COURSE_SITE_URL wins; neither means localhost', () => {
    expect(siteAddress(courseWith('site: https://course.example.org'), {})).toEqual({
      url: 'https://course.example.org',
      from: 'content/course.yaml',
    });
    expect(siteAddress(root, { COURSE_SITE_URL: 'https://copy.example.org' }).from).toBe('COURSE_SITE_URL');
    rmSync(root, { recursive: true });
    expect(siteAddress(courseWith(''), {})).toEqual({ url: 'http://localhost:4321', from: 'unset' });
  });
});

describe('a build without a site address', () => {
  const build = (dir: string) => {
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() };
    const hook = contentCheck({ root: dir }).hooks['astro:config:setup']!;
    hook({ command: 'build', logger, config: { root: new URL('file:///nowhere/') } } as never);
    return logger.warn.mock.calls.map((call) => String(call[0])).join('\n');
  };

  it('warns loudly, pointing at the Publish section; with an address it says nothing', () => {
    vi.stubEnv('COURSE_SITE_URL', '');
    try {
      expect(build(courseWith(''))).toMatch(/NO SITE ADDRESS[\s\S]*site: in content\/course\.yaml[\s\S]*#publish/);
      rmSync(root, { recursive: true });
      expect(build(courseWith('site: https://course.example.org'))).toBe('');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('marks the GIFT file and the QTI package on their first line', () => {
    const local = { ...course, siteUrl: 'http://localhost:4321/' };
    expect(isLocalSite(local.siteUrl)).toBe(true);
    expect(toGift(local).text.split('\n')[0]).toBe(`// ${UNSET_SITE_NOTICE}`);
    expect(toQtiFiles(local).files['README.txt']!.split('\n')[0]).toBe(UNSET_SITE_NOTICE);
    expect(toGift(course).text).not.toContain(UNSET_SITE_NOTICE);
  });
});
