// Where the built site offers hand-ins (issue 15): every lesson's end links to "Hand in my results" on /progress/,
// which has that section; the instructor guide links to the results page. Read from dist/, no browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { pageKind } from '../../scripts/lib/page-kinds.ts';
import { builtPages, distDir } from '../built-site.ts';

const html = (path: string) => readFileSync(join(distDir, path, 'index.html'), 'utf8');
const HAND_IN_LINK = /<a href="\/progress\/#hand-in">Hand in my results<\/a>/;

describe('hand-ins in the built site', () => {
  test('every lesson ends with a link to “Hand in my results”, and /progress/ has that section', () => {
    const lessons = builtPages().filter((page) => pageKind(page.path) === 'lesson');
    expect(lessons.length).toBeGreaterThan(0);
    for (const lesson of lessons) expect(html(lesson.path), lesson.path).toMatch(HAND_IN_LINK);
    expect(html('/progress/')).toMatch(/<h2 id="hand-in">Hand in my results<\/h2>/);
  });

  test('the instructor guide explains hand-ins and links to the results page', () => {
    const guide = html('/instructors/');
    expect(guide).toMatch(/<h2 id="hand-ins">Class results without an LMS: hand-ins<\/h2>/);
    expect(guide).toContain('href="/instructors/results/"');
  });
});
