import type { Grade, Question, Response } from '../../quiz';

// The one-answer question types as a list of choices, so a single radio-group component serves all three.

export interface Choice {
  /** Value of the radio button. */
  value: string;
  text: string;
}

type ChoiceQuestion = Extract<Question, { type: 'single' | 'truefalse' | 'attribution' }>;

const ATTRIBUTION_LABELS: Record<string, string> = {
  a: 'Report A says it; Report B does not',
  b: 'Report B says it; Report A does not',
  both: 'Both reports say it',
  neither: 'Neither report says it',
};

export function choicesOf(question: ChoiceQuestion): Choice[] {
  if (question.type === 'single') return question.options.map((o) => ({ value: o.id, text: o.text }));
  if (question.type === 'truefalse')
    return [
      { value: 'true', text: 'True' },
      { value: 'false', text: 'False' },
    ];
  return Object.entries(ATTRIBUTION_LABELS).map(([value, text]) => ({ value, text }));
}

/** The radio value a response stands for, or null. */
export function chosenValue(response: Response | null): string | null {
  if (!response) return null;
  if (response.type === 'single') return response.option;
  if (response.type === 'truefalse') return String(response.value);
  if (response.type === 'attribution') return response.choice;
  return null;
}

export function responseFor(question: ChoiceQuestion, value: string): Response {
  if (question.type === 'single') return { type: 'single', option: value };
  if (question.type === 'truefalse') return { type: 'truefalse', value: value === 'true' };
  return { type: 'attribution', choice: value as 'a' | 'b' | 'both' | 'neither' };
}

export type Mark = 'right' | 'wrong' | 'missed' | 'answer' | null;

/**
 * How to mark one choice once checked: the picked choice is right or wrong. A right choice not picked is marked
 * only once the answer is shown (`revealed`): "missed" for multiple choice, "the answer" otherwise. Before that,
 * marking it would give the answer away.
 */
export function markOf(
  grade: Grade | null,
  picked: boolean,
  correct: boolean,
  multiple = false,
  revealed = false,
): Mark {
  if (!grade) return null;
  if (picked) return correct ? 'right' : 'wrong';
  if (!revealed || !correct) return null;
  return multiple ? 'missed' : 'answer';
}

export const MARK_TEXT: Record<Exclude<Mark, null>, string> = {
  right: 'Right',
  wrong: 'Not right',
  missed: 'Missed: this one is right too',
  answer: 'The answer',
};
