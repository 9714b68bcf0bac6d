import { questionHash } from '../quiz/hash';
import type { Question } from '../schemas/question';
import type { PackageQuestion } from './types';

/**
 * A question as the package's runtime needs it: ids to store answers by position (see suspend.ts), and its hash.
 * `hash` is that of the question as written, which the islands check saved answers against: an attribution
 * question resolved for the exports (its reports named) would otherwise hash differently and its answers be
 * taken for another version's.
 */
export function packageQuestion(lesson: string, q: Question, hash = questionHash(q)): PackageQuestion {
  const base = { lesson, id: q.id, hash, type: q.type };
  switch (q.type) {
    case 'single':
    case 'multiple':
      return { ...base, ids: q.options.map((o) => o.id) };
    case 'ordering':
      return { ...base, ids: q.items.map((i) => i.id) };
    case 'matching':
      return { ...base, left: q.left.map((l) => l.id), right: q.right.map((r) => r.id) };
    case 'attribution':
      // The reports to choose from, once resolved at build time; without them an answer is kept whole.
      return { ...base, ids: [...(q.reports ?? [])] };
    default:
      return base;
  }
}
