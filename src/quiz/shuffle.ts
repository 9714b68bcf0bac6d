import type { Question, QuestionOf } from '../schemas/question';
import { cyrb53 } from './hash';

// Shuffles are seeded by the question id, so the order rendered at build time is the order the island
// hydrates with (no flicker, no mismatch), and a student sees the same order on every visit.

/** mulberry32: a tiny seeded generator of numbers in [0, 1). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A copy of `items` in an order fixed by `seed` (Fisher–Yates). */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const random = generator(cyrb53(seed));
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** Like seededShuffle, but never returns the list unchanged when it has 2 or more distinct entries. */
function shuffleAway(ids: readonly string[], seed: string): string[] {
  const result = seededShuffle(ids, seed);
  const unchanged = result.every((id, i) => id === ids[i]);
  // Moving the first entry to the end shifts every entry, so no entry stays in place.
  return unchanged && result.length > 1 ? [...result.slice(1), result[0]!] : result;
}

/** Item ids of an ordering question in the order a student first sees them: never already solved. */
export function initialOrder(question: QuestionOf<'ordering'>): string[] {
  return shuffleAway(
    question.items.map((item) => item.id),
    question.id,
  );
}

/** Right-hand ids of a matching question in display order: never every row beside its partner. */
export function rightColumnOrder(question: QuestionOf<'matching'>): string[] {
  return shuffleAway(
    question.left.map((left) => question.pairs[left.id]!),
    `${question.id}:right`,
  );
}

/**
 * The order a question's shuffled list is shown in, or undefined when nothing is shuffled: the items of an
 * ordering question, the right-hand column of a matching one. Worked out at build time and handed to the
 * island as a prop, so no student's browser downloads the shuffle.
 */
export function shownOrder(question: Question): string[] | undefined {
  if (question.type === 'ordering') return initialOrder(question);
  if (question.type === 'matching') return rightColumnOrder(question);
  return undefined;
}
