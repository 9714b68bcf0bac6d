import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EXPORT_KIND,
  exportProgressText,
  IMPORT_MAX_ANSWERS,
  IMPORT_MAX_BYTES,
  parseProgressImport,
} from '../../src/progress/files/progress-file';
import { answer, doc, jsonArb, progressArb } from './progress-helpers';

const sample = doc({
  updatedAt: 2000,
  lessons: { intro: { openedAt: 100, readAt: 200 } },
  answers: { 'intro/q1': answer(), 'timeline/q2': answer({ correct: false, score: 0, box: 1, dueAt: 1000 }) },
});

function file(data: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ kind: EXPORT_KIND, exportedAt: 5000, version: 2, data, ...extra });
}

function refusal(text: unknown): string {
  const result = parseProgressImport(text);
  if (result.ok) throw new Error('expected the import to be refused');
  expect(result.message).toMatch(/Nothing was changed\.$/);
  return result.message;
}

afterEach(() => {
  // No import may ever reach Object.prototype.
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
    [
      '__defineGetter__',
      '__defineSetter__',
      '__lookupGetter__',
      '__lookupSetter__',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'isPrototypeOf',
      'propertyIsEnumerable',
      'toLocaleString',
      'toString',
      'valueOf',
    ].sort(),
  );
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('exportProgressText', () => {
  it('writes a labelled, pretty-printed file', () => {
    const text = exportProgressText(sample, 5000);
    expect(JSON.parse(text)).toEqual({ kind: EXPORT_KIND, exportedAt: 5000, version: 2, data: sample });
    expect(text).toContain('\n  "kind"');
  });
});

describe('parseProgressImport', () => {
  it('reads back an exported file', () => {
    expect(parseProgressImport(exportProgressText(sample, 5000))).toEqual({ ok: true, data: sample, exportedAt: 5000 });
  });

  it('export then import is the identity, for any progress', () => {
    fc.assert(
      fc.property(progressArb, (progress) => {
        const result = parseProgressImport(exportProgressText(progress, 1));
        expect(result).toEqual({ ok: true, data: progress, exportedAt: 1 });
      }),
    );
  });

  it('refuses a file over the size limit, naming the limit', () => {
    const padded = file(sample, { padding: 'x'.repeat(IMPORT_MAX_BYTES) });
    expect(refusal(padded)).toMatch(/at most 512 KB/);
    // Bytes, not characters, count: 200 000 three-byte characters are about 600 KB.
    expect(refusal(file(sample, { padding: '€'.repeat(200_000) }))).toMatch(/This file is \d+ KB.*512 KB/);
  });

  it('refuses text that is not JSON, or empty', () => {
    expect(refusal('{"kind": "iraq-syria-2024-course-progress", ')).toMatch(/could not be read/);
    expect(refusal('   ')).toMatch(/empty/);
    expect(refusal(undefined)).toMatch(/No file/);
  });

  it('refuses JSON that is not one of our files', () => {
    for (const text of ['[]', '42', 'null', JSON.stringify(sample), file(sample, { kind: 'someone-elses-progress' })]) {
      expect(refusal(text)).toMatch(/not a progress file from this course/);
    }
  });

  it('refuses a file from a newer version, saying to reload', () => {
    expect(refusal(file({ ...sample, version: 3 }, { version: 3 }))).toMatch(/newer version.*Reload/);
  });

  it('refuses wrong types, naming the first bad part', () => {
    expect(refusal(file({ ...sample, answers: { 'intro/q1': { ...answer(), score: 'full' } } }))).toMatch(
      /the answer "intro\/q1" is not in the expected form/,
    );
    expect(refusal(file({ ...sample, lessons: [] }))).toMatch(/the list of lessons/);
    expect(refusal(file({ ...sample, updatedAt: -5 }))).toMatch(/time of the last save/);
    expect(refusal(file(sample, { exportedAt: 'today' }))).toMatch(/time it was exported/);
    expect(refusal(file(sample, { version: '1' }))).toMatch(/version number/);
    expect(refusal(file('progress'))).toMatch(/the progress it holds/);
    expect(refusal(file({ ...sample, version: 0 }))).toMatch(/version of the progress/);
    const twoBad = { ...sample, answers: { 'intro/q1': { ...answer(), attempts: 0 }, 'BAD KEY': answer() } };
    expect(refusal(file(twoBad))).toMatch(/2 entries have problems/);
  });

  it.each([
    [
      '__proto__ at the top',
      '{"__proto__": {"polluted": true}, "kind": "iraq-syria-2024-course-progress"}',
      '__proto__',
    ],
    [
      '__proto__ in an answer',
      file({ ...sample, answers: { 'intro/q1': answer() } }).replace('"hash"', '"__proto__":{"polluted":1},"hash"'),
      '__proto__',
    ],
    [
      'constructor in a response',
      file({
        ...sample,
        answers: { 'intro/q1': answer({ response: { constructor: { prototype: { polluted: 1 } } } as never }) },
      }),
      'constructor',
    ],
    ['prototype as a lesson id', file({ ...sample, lessons: { prototype: { openedAt: 1 } } }), 'prototype'],
  ])('refuses a file with %s', (_name, text, key) => {
    expect(refusal(text)).toContain(`“${key}”`);
  });

  it('refuses a file with too many answers', () => {
    const answers: Record<string, unknown> = {};
    for (let i = 0; i <= IMPORT_MAX_ANSWERS; i++) answers[`lesson/q${i}`] = 1;
    expect(refusal(file({ ...sample, answers }))).toMatch(
      new RegExp(`${IMPORT_MAX_ANSWERS + 1} answers.*at most ${IMPORT_MAX_ANSWERS} answers`),
    );
  });

  it('survives deeply nested input', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(refusal(deep)).toMatch(/not a progress file|could not be read/);
  });

  it('never throws, on any text or JSON', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          jsonArb.map((v) => JSON.stringify(v)),
          jsonArb.map((v) => file(v)),
        ),
        (text) => {
          const result = parseProgressImport(text);
          expect(typeof result.ok).toBe('boolean');
        },
      ),
    );
  });
});
