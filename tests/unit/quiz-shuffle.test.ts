import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { questionSchema, type QuestionOf } from '../../src/schemas/question';
import { grade, initialOrder, rightColumnOrder, seededShuffle, shownOrder } from '../../src/quiz';
import { questions as q, raw } from './quiz-fixtures';

function orderingWith(n: number, id: string): QuestionOf<'ordering'> {
  const items = Array.from({ length: n }, (_, i) => ({ id: `item-${i}`, text: `Item ${i}` }));
  return questionSchema.parse({ ...raw.ordering, id, items }) as QuestionOf<'ordering'>;
}

describe('seededShuffle', () => {
  it('gives the same order for the same seed, without changing its input', () => {
    const items = Object.freeze(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(seededShuffle(items, 'q1')).toEqual(seededShuffle([...items], 'q1'));
    expect([...items]).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('returns a permutation, and different seeds give different orders', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    const orders = new Set(['a', 'b', 'c', 'd', 'e'].map((seed) => seededShuffle(items, seed).join()));
    expect(orders.size).toBeGreaterThan(1);
    for (const order of orders)
      expect(
        order
          .split(',')
          .map(Number)
          .sort((x, y) => x - y),
      ).toEqual(items);
  });

  it('puts each item first about equally often across seeds', () => {
    const counts = [0, 0, 0, 0];
    for (let s = 0; s < 4000; s++) counts[seededShuffle([0, 1, 2, 3], `seed-${s}`)[0]!]!++;
    for (const count of counts) expect(count).toBeGreaterThan(850);
  });
});

describe('initialOrder', () => {
  it('is deterministic per question id', () => {
    expect(initialOrder(q.ordering)).toEqual(initialOrder(structuredClone(q.ordering)));
  });

  it('never starts in the correct order, for any id and length', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/), fc.integer({ min: 2, max: 7 }), (id, n) => {
        const question = orderingWith(n, id);
        const order = initialOrder(question);
        expect([...order].sort()).toEqual(question.items.map((i) => i.id).sort());
        expect(grade(question, { type: 'ordering', order }).correct).toBe(false);
      }),
    );
  });

  it('swaps a two-item question every time', () => {
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f'])
      expect(initialOrder(orderingWith(2, id))).toEqual(['item-1', 'item-0']);
  });
});

describe('rightColumnOrder', () => {
  it('holds every right id once and is deterministic', () => {
    const order = rightColumnOrder(q.matching);
    expect([...order].sort()).toEqual(q.matching.right.map((r) => r.id).sort());
    expect(rightColumnOrder(structuredClone(q.matching))).toEqual(order);
  });

  it('never lines every right entry up beside its partner', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]+$/), (id) => {
        const question = { ...q.matching, id };
        const aligned = question.left.map((l) => question.pairs[l.id]);
        expect(rightColumnOrder(question)).not.toEqual(aligned);
      }),
    );
  });
});

describe('shownOrder', () => {
  it('is the start order of an ordering question and the right column of a matching one', () => {
    expect(shownOrder(q.ordering)).toEqual(initialOrder(q.ordering));
    expect(shownOrder(q.matching)).toEqual(rightColumnOrder(q.matching));
  });

  it('is undefined for every type that shows nothing shuffled', () => {
    for (const question of Object.values(q)) {
      if (question.type !== 'ordering' && question.type !== 'matching') expect(shownOrder(question)).toBeUndefined();
    }
  });
});
