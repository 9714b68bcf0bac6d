import type { Question, QuestionType, Response } from '../schemas/question';
import { choiceKind } from './kinds/choice';
import { evidenceKind } from './kinds/evidence';
import { matchingKind } from './kinds/matching';
import { multipleKind } from './kinds/multiple';
import { numericKind } from './kinds/numeric';
import { orderingKind } from './kinds/ordering';
import { allOrNothing, type Grade, type Kind } from './kinds/shared';
import { textKind } from './kinds/text';

export type { Grade } from './kinds/shared';

// Every kind together, for the build, the exports and the tests. The islands never import this module: each
// question component takes its own kind from src/quiz/kinds/, so a page loads grading for the kinds it shows.

const kinds = {
  single: choiceKind,
  truefalse: choiceKind,
  attribution: choiceKind,
  multiple: multipleKind,
  ordering: orderingKind,
  matching: matchingKind,
  numeric: numericKind,
  text: textKind,
  evidence: evidenceKind,
} as const satisfies Record<QuestionType, unknown>;

/** The kind that grades `question`, loosely typed: the callers below check the response's type first. */
export function kindOf(question: Question): Kind {
  return kinds[question.type] as unknown as Kind;
}

/**
 * Marks a response. Never throws for a response of the question's type; a response of another type
 * (a stale save after the question's type was changed) scores 0. Call isAnswerable first to tell the
 * student what is missing rather than marking a half-made answer wrong.
 */
export function grade(question: Question, response: Response): Grade {
  if (response.type !== question.type) return allOrNothing(false);
  return kindOf(question).grade(question, response);
}
