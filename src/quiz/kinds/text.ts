import type { QuestionOf, ResponseOf } from '../../schemas/question';
import { answersMatch, normalizeAnswer } from '../normalize';
import { allOrNothing, type Kind } from './shared';

export const textKind: Kind<QuestionOf<'text'>, ResponseOf<'text'>> = {
  grade: (q, r) => allOrNothing(q.accept.some((accepted) => answersMatch(r.value, accepted))),
  why: (_, r) => (normalizeAnswer(r.value) === '' ? 'Type an answer first.' : null),
};
