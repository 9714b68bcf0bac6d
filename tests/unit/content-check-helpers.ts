// Shared by the content-check tests: fixture paths and a precise assertion on a list of problems.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Problem } from '../../src/content-check';

export const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);
export const projectRoot = join(import.meta.dirname, '../..');

/** A fresh copy of a fixture tree in a temporary folder, for tests that edit it. */
export function copyOfFixture(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `${name}-`));
  cpSync(fixture(name), root, { recursive: true });
  return root;
}

/** One expected problem: where it is, and words its message must contain. */
export type Expected = [file: string, line: number | undefined, item: string | undefined, message: string | RegExp];

/** Exactly these problems (by file, line and item), each saying what it must and each with a real fix. */
export function expectProblems(problems: Problem[], expected: Expected[]): void {
  const where = (p: { file: string; line?: number; item?: string }) => `${p.file}:${p.line ?? '-'} ${p.item ?? '-'}`;
  expect(problems.map(where).sort()).toEqual(expected.map(([file, line, item]) => where({ file, line, item })).sort());
  for (const [file, line, item, message] of expected) {
    const matching = problems.filter((p) => p.file === file && p.line === line && p.item === item);
    expect(
      matching.some((p) => (typeof message === 'string' ? p.message.includes(message) : message.test(p.message))),
      `${file}:${line} ${item} should say ${message}; it says ${matching.map((p) => p.message).join(' | ')}`,
    ).toBe(true);
    for (const p of matching) expect(p.fix.length).toBeGreaterThan(10);
  }
}
