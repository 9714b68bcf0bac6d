import type { QuestionOf, ResponseOf } from '../../schemas/question';
import { gradeOptions } from './options';
import type { Kind } from './shared';

export const multipleKind: Kind<QuestionOf<'multiple'>, ResponseOf<'multiple'>> = {
  grade: (q, r) => gradeOptions(q, r.options),
  why: (q, r) => (q.options.some((o) => r.options.includes(o.id)) ? null : 'Choose at least one answer.'),
};
