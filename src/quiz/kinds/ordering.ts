import type { QuestionOf, ResponseOf } from '../../schemas/question';
import { byShare, type Kind } from './shared';

export const orderingKind: Kind<QuestionOf<'ordering'>, ResponseOf<'ordering'>> = {
  // Each item is right at exactly one position, so repeating an id cannot earn more than one position; a
  // position past the last item (only a damaged or hand-made save has one) is a wrong position.
  grade: (q, r) =>
    byShare([...q.items.map((item, i) => r.order[i] === item.id), ...r.order.slice(q.items.length).map(() => false)]),
  why: (q, r) =>
    r.order.length === q.items.length && q.items.every((item) => r.order.includes(item.id))
      ? null
      : 'Put every item in the list once.',
};
