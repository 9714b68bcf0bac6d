import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import {
  annotationSchema,
  eventSchema,
  lessonSchema,
  questionSchema,
  questionTypes,
  quizSchema,
  termSchema,
  topicSchema,
} from '../../src/schemas';
import { checkContentFolder, formatProblems } from '../../src/content-check';
import { guideSections } from '../../src/content-check/guide';
import {
  contentExamples,
  fileExamples,
  questionExamples,
  type ExampleKind,
  type GuideExample,
} from '../../src/pages/instructors/_examples';

const schemas: Record<ExampleKind, z.ZodType> = {
  lesson: lessonSchema,
  topic: topicSchema,
  note: annotationSchema,
  event: eventSchema,
  term: termSchema,
  quiz: quizSchema,
  question: questionSchema,
};

/** The data an example holds, read the way the course reads that file. */
function data(example: GuideExample): unknown {
  if (example.kind === 'lesson' || example.kind === 'topic') {
    const match = /^---\n([\s\S]*?)\n---\n/.exec(example.code);
    if (!match) throw new Error(`${example.id}: no frontmatter`);
    return parse(match[1]!);
  }
  const parsed: unknown = parse(example.code);
  if (example.kind === 'quiz') return parsed;
  // Entries of a list (glossary, timeline, notes, questions) are shown as one "- " item.
  if (!Array.isArray(parsed) || parsed.length !== 1) throw new Error(`${example.id}: expected one list entry`);
  return parsed[0];
}

const all = [...contentExamples, ...questionExamples];
const referenceIds = new Set(
  (parse(readFileSync('examples/harbour/content/references.yaml', 'utf8')) as { id: string }[]).map((r) => r.id),
);

describe('instructor guide examples', () => {
  test.each(all.map((e) => [e.id, e] as const))('%s is valid against the real schema', (_, example) => {
    const result = schemas[example.kind].safeParse(data(example));
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  test('there is one question example of every type', () => {
    expect(questionExamples.map((e) => (data(e) as { type: string }).type).sort()).toEqual([...questionTypes].sort());
  });

  test('every reference an example cites exists in the sample course', () => {
    const cited = all.flatMap((e) =>
      [...e.code.matchAll(/cites: \[([^\]]*)\]/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim())),
    );
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.filter((id) => !referenceIds.has(id))).toEqual([]);
  });

  test('a broken example would be caught', () => {
    const broken = {
      ...questionExamples[0]!,
      code: questionExamples[0]!.code.replace('correct: true', 'corect: true'),
    };
    expect(schemas.question.safeParse(data(broken)).success).toBe(false);
  });
});

describe('the sample course the guide shows whole', () => {
  test('passes the content check like any course, with no warning', () => {
    const problems = checkContentFolder('examples/harbour');
    expect(problems, formatProblems(problems)).toEqual([]);
  });

  test('gives a whole file for every section of the guide that explains a kind of file', () => {
    expect(fileExamples.map((e) => e.section).sort()).toEqual(guideSections.map((s) => s.id).sort());
    for (const e of fileExamples) expect(e.code, e.file).not.toMatch(/^\uFEFF|\r/);
  });
});
