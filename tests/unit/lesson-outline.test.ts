import { describe, expect, it } from 'vitest';
import { lessonOutline } from '../../src/lib/lesson-outline';

const body = [
  'Intro.',
  '',
  '## Where they agree',
  'Text.',
  '<Quiz id="q-one" />',
  '',
  '```mdx',
  '## Not a heading',
  '<Quiz id="in-code" />',
  '```',
  '## Where they differ',
  '<Quiz id="q-two" />',
].join('\n');
const headings = [
  { depth: 2, slug: 'where-they-agree', text: 'Where they agree' },
  { depth: 3, slug: 'minor', text: 'Minor' },
  { depth: 2, slug: 'where-they-differ', text: 'Where they differ' },
];

describe('a lesson’s contents', () => {
  it('lists its sections and checkpoints in reading order, skipping examples in code', () => {
    const titles = new Map([
      ['q-one', 'Checkpoint: one'],
      ['q-two', 'Checkpoint: two'],
    ]);
    expect(lessonOutline(body, headings, titles, (id) => `quiz-${id}`)).toEqual([
      { kind: 'section', id: 'where-they-agree', text: 'Where they agree' },
      { kind: 'checkpoint', id: 'quiz-q-one', text: 'Checkpoint: one', position: 1 },
      { kind: 'section', id: 'where-they-differ', text: 'Where they differ' },
      { kind: 'checkpoint', id: 'quiz-q-two', text: 'Checkpoint: two', position: 2 },
    ]);
  });
});
