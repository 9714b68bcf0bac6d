import type { QuestionOf, Response } from '../../schemas/question';
import { gradeOptions } from './options';
import { allOrNothing, CHOOSE, own, type Kind } from './shared';

// Single choice and true/false: one answer from a list (ChoiceQuestion.svelte).
type ChoiceQuestion = QuestionOf<'single' | 'truefalse'>;

export const choiceKind: Kind<ChoiceQuestion, Response> = {
  grade(q, r) {
    if (q.type === 'single' && r.type === 'single') return gradeOptions(q, [r.option]);
    if (q.type === 'truefalse' && r.type === 'truefalse')
      return allOrNothing(r.value === q.answer, own(q.feedback, String(r.value)));
    return allOrNothing(false);
  },
  why(q, r) {
    if (q.type === 'single' && r.type === 'single') return q.options.some((o) => o.id === r.option) ? null : CHOOSE;
    if (q.type === 'truefalse' && r.type === 'truefalse') return null;
    return CHOOSE;
  },
};
