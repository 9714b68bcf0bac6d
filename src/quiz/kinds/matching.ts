import type { QuestionOf, ResponseOf } from '../../schemas/question';
import { byShare, own, type Kind } from './shared';

export const matchingKind: Kind<QuestionOf<'matching'>, ResponseOf<'matching'>> = {
  grade: (q, r) =>
    byShare(
      q.left.map((left) => own(q.pairs, left.id) !== undefined && own(r.pairs, left.id) === own(q.pairs, left.id)),
    ),
  why: (q, r) =>
    q.left.every((left) => Object.hasOwn(r.pairs, left.id) && q.right.some((right) => right.id === r.pairs[left.id]))
      ? null
      : 'Match every item on the left first.',
};
