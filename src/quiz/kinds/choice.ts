import type { QuestionOf, Response } from '../../schemas/question';
import { attributionChoices } from '../attribution';
import { gradeOptions } from './options';
import { allOrNothing, CHOOSE, own, type Kind } from './shared';

// Single choice, true/false and attribution: one answer from a list (ChoiceQuestion.svelte).
type ChoiceQuestion = QuestionOf<'single' | 'truefalse' | 'attribution'>;

export const choiceKind: Kind<ChoiceQuestion, Response> = {
  grade(q, r) {
    if (q.type === 'single' && r.type === 'single') return gradeOptions(q, [r.option]);
    if (q.type === 'truefalse' && r.type === 'truefalse')
      return allOrNothing(r.value === q.answer, own(q.feedback, String(r.value)));
    if (q.type === 'attribution' && r.type === 'attribution')
      return allOrNothing(r.choice === q.answer, own(q.feedback, r.choice));
    return allOrNothing(false);
  },
  why(q, r) {
    if (q.type === 'single' && r.type === 'single') return q.options.some((o) => o.id === r.option) ? null : CHOOSE;
    if (q.type === 'truefalse' && r.type === 'truefalse') return null;
    if (q.type === 'attribution' && r.type === 'attribution')
      return attributionChoices.includes(r.choice) ? null : 'Choose which report says it.';
    return CHOOSE;
  },
};
