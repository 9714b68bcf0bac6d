// A build of broken content stops before any page is made and prints the problems and nothing else: no "An
// unhandled error occurred while running the astro:config:setup hook", no stack trace, which read as a crash.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const projectRoot = join(import.meta.dirname, '../..');

it('prints only the problems, and exits with 1', () => {
  const course = mkdtempSync(join(tmpdir(), 'refused-'));
  try {
    cpSync(join(projectRoot, 'tests/fixtures/content-valid'), course, { recursive: true });
    const lesson = join(course, 'content/lessons/reading-the-reports.mdx');
    writeFileSync(lesson, readFileSync(lesson, 'utf8').replace('<Quiz id="q1" />', '<Quiz id="q1">'));
    const astro = join(projectRoot, 'node_modules/astro/bin/astro.mjs');
    const run = spawnSync(process.execPath, [astro, 'build', '--outDir', join(course, 'dist')], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, COURSE_DIR: course },
    });
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(1);
    expect(output).toContain('content/lessons/reading-the-reports.mdx:15');
    expect(output).toContain('the <Quiz> tag on this line is never closed');
    expect(output).not.toMatch(/unhandled error|^\s+at .+:\d+:\d+\)?$/im);
  } finally {
    rmSync(course, { recursive: true, force: true });
  }
}, 60_000);
