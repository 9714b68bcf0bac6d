import { describe, expect, it } from 'vitest';
import { findQuizTags, quizIdsIn } from '../../src/lib/quiz-tags';

describe('quizIdsIn', () => {
  it('lists placed quiz ids in reading order, once each, ignoring examples in code', () => {
    const body = [
      'Read paragraph 1.',
      '<Quiz id="first" />',
      'Then `<Quiz id="inline-example" />` is only an example.',
      '```mdx',
      '<Quiz id="fenced-example" />',
      '```',
      "<Quiz id='second'/>",
      '<Quiz id="first" />',
    ].join('\n');
    expect(quizIdsIn(body)).toEqual(['first', 'second']);
    expect(findQuizTags(body, 10).map((t) => t.line)).toEqual([11, 16, 17]);
  });

  it('reads nothing from an empty or missing body', () => {
    expect(quizIdsIn(undefined)).toEqual([]);
    expect(quizIdsIn('<Quiz />')).toEqual([]);
  });
});
