import type { QuestionOf, ResponseOf } from '../../schemas/question';
import { allOrNothing, own, type Kind } from './shared';

export const evidenceKind: Kind<QuestionOf<'evidence'>, ResponseOf<'evidence'>> = {
  grade: (q, r) => allOrNothing(q.paragraphs.includes(r.paragraph), own(q.feedback, String(r.paragraph))),
  why: (_, r) => (Number.isInteger(r.paragraph) && r.paragraph >= 1 ? null : 'Choose a paragraph.'),
};
