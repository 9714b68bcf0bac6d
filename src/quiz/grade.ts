import type { Question, QuestionOf, QuestionType, Response, ResponseOf } from '../schemas/question';
import { pickedOf } from './attribution';
import { answersMatch } from './normalize';
import { parseNumber } from './parse-number';

export interface Grade {
  /** Exactly right. */
  correct: boolean;
  /** 0..1; 1 whenever `correct`. */
  score: number;
  /** The authored feedback for what the student chose (in question order); often empty. */
  feedback: string[];
  /**
   * Which parts were right, for marking them: per option for single and multiple (in question order; true when
   * the option was picked if and only if it is correct), per report for attribution (likewise), per position for
   * ordering, per left entry for matching.
   */
  parts?: boolean[];
}

type Grader<T extends QuestionType> = (question: QuestionOf<T>, response: ResponseOf<T>) => Grade;

/** Reads a record only through its own keys, so an id such as "constructor" never finds Object.prototype. */
function own(record: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

function allOrNothing(correct: boolean, feedback?: string): Grade {
  return { correct, score: correct ? 1 : 0, feedback: feedback ? [feedback] : [] };
}

function byShare(parts: boolean[]): Grade {
  const right = parts.filter(Boolean).length;
  return {
    correct: parts.length > 0 && right === parts.length,
    score: parts.length ? right / parts.length : 0,
    feedback: [],
    parts,
  };
}

// Single and multiple choice share one rule: score = max(0, (right picks − wrong picks) / number correct).
// Picks are counted once each; an id that is no option is a wrong pick.
function gradeOptions(question: QuestionOf<'single' | 'multiple'>, picks: readonly string[]): Grade {
  const picked = new Set(picks);
  const known = new Set(question.options.map((option) => option.id));
  const needed = question.options.filter((option) => option.correct).length;
  let rightPicks = 0;
  let wrongPicks = [...picked].filter((id) => !known.has(id)).length;
  const feedback: string[] = [];
  const parts = question.options.map((option) => {
    const isPicked = picked.has(option.id);
    if (isPicked && option.feedback) feedback.push(option.feedback);
    if (isPicked && option.correct) rightPicks++;
    if (isPicked && !option.correct) wrongPicks++;
    return isPicked === !!option.correct;
  });
  const correct = rightPicks === needed && wrongPicks === 0;
  const score = correct ? 1 : Math.max(0, (rightPicks - wrongPicks) / Math.max(needed, 1));
  return { correct, score, feedback, parts };
}

const graders: { [T in QuestionType]: Grader<T> } = {
  single: (q, r) => gradeOptions(q, [r.option]),
  multiple: (q, r) => gradeOptions(q, r.options),
  truefalse: (q, r) => allOrNothing(r.value === q.answer, own(q.feedback, String(r.value))),
  // All or nothing: the reports ticked must be exactly those that say it. Parts mark each report in order. The
  // question is resolved at build time (resolveAttribution): reports named, answer a list, feedback keyed by the
  // reports ticked ("herald+city-radio", or "none").
  attribution: (q, r) => {
    const reports = q.reports ?? [];
    const answer = typeof q.answer === 'string' ? [] : q.answer;
    const picked = pickedOf(r, reports) ?? [];
    const parts = reports.map((report) => picked.includes(report) === answer.includes(report));
    const key = picked.length > 0 ? picked.join('+') : 'none';
    return { ...allOrNothing(parts.length > 0 && parts.every(Boolean), own(q.feedback, key)), parts };
  },
  evidence: (q, r) => allOrNothing(q.paragraphs.includes(r.paragraph), own(q.feedback, String(r.paragraph))),
  // Each item is right at exactly one position, so repeating an id cannot earn more than one position; a
  // position past the last item (only a damaged or hand-made save has one) is a wrong position.
  ordering: (q, r) =>
    byShare([...q.items.map((item, i) => r.order[i] === item.id), ...r.order.slice(q.items.length).map(() => false)]),
  matching: (q, r) =>
    byShare(
      q.left.map((left) => own(q.pairs, left.id) !== undefined && own(r.pairs, left.id) === own(q.pairs, left.id)),
    ),
  numeric: (q, r) => {
    const parsed = parseNumber(r.value, q.unit);
    // The small allowance absorbs binary rounding (0.1 + 0.2), never a real difference.
    const slack = q.tolerance + 1e-9 * Math.max(1, Math.abs(q.answer));
    return allOrNothing(parsed.ok && Math.abs(parsed.value - q.answer) <= slack);
  },
  text: (q, r) => allOrNothing(q.accept.some((accepted) => answersMatch(r.value, accepted))),
};

/**
 * Marks a response. Never throws for a response of the question's type; a response of another type
 * (a stale save after the question's type was changed) scores 0. Call isAnswerable first to tell the
 * student what is missing rather than marking a half-made answer wrong.
 */
export function grade(question: Question, response: Response): Grade {
  if (response.type !== question.type) return allOrNothing(false);
  const grader = graders[question.type] as unknown as (q: Question, r: Response) => Grade;
  return grader(question, response);
}
