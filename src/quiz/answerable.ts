import type { Question, QuestionOf, QuestionType, Response, ResponseOf } from '../schemas/question';
import { pickedOf } from './attribution';
import { normalizeAnswer } from './normalize';
import { parseNumber } from './parse-number';

type Check<T extends QuestionType> = (question: QuestionOf<T>, response: ResponseOf<T>) => string | null;

const CHOOSE = 'Choose an answer first.';
/** Also the attribution control's instruction (MultipleQuestion.svelte): one string in the bundle. */
export const ATTRIBUTION_HINT = 'Tick every report that says it, or “None of them”.';

const checks: { [T in QuestionType]: Check<T> } = {
  single: (q, r) => (q.options.some((o) => o.id === r.option) ? null : CHOOSE),
  multiple: (q, r) => (q.options.some((o) => r.options.includes(o.id)) ? null : 'Choose at least one answer.'),
  truefalse: () => null,
  attribution: (q, r) => (pickedOf(r, q.reports ?? []) === undefined ? ATTRIBUTION_HINT : null),
  ordering: (q, r) =>
    r.order.length === q.items.length && q.items.every((item) => r.order.includes(item.id))
      ? null
      : 'Put every item in the list once.',
  matching: (q, r) =>
    q.left.every((left) => Object.hasOwn(r.pairs, left.id) && q.right.some((right) => right.id === r.pairs[left.id]))
      ? null
      : 'Match every item on the left first.',
  numeric: (q, r) => {
    const parsed = parseNumber(r.value, q.unit);
    return parsed.ok ? null : parsed.error;
  },
  text: (_, r) => (normalizeAnswer(r.value) === '' ? 'Type an answer first.' : null),
  evidence: (_, r) => (Number.isInteger(r.paragraph) && r.paragraph >= 1 ? null : 'Choose a paragraph.'),
};

/**
 * What the student still has to do before the answer can be checked, in words for them; null when it can be.
 * A half-made answer is not marked wrong: the check button says what is missing instead.
 */
export function whyUnanswerable(question: Question, response: Response | null | undefined): string | null {
  if (!response || response.type !== question.type) return CHOOSE;
  const check = checks[question.type] as unknown as (q: Question, r: Response) => string | null;
  return check(question, response);
}

/** True when the response is complete enough to check (every pair chosen, a readable number, …). */
export function isAnswerable(question: Question, response: Response | null | undefined): boolean {
  return whyUnanswerable(question, response) === null;
}
