import type { Question, Response } from '../../schemas/question';

// What every kind of question shares: the shape of a grade, and the helpers two or more kinds' graders use.
// Each kind has its own module (choice.ts, multiple.ts, …) so a page loads the grading of only the kinds it
// shows; grade.ts and answerable.ts put them together for the build and the tests.

export interface Grade {
  /** Exactly right. */
  correct: boolean;
  /** 0..1; 1 whenever `correct`. */
  score: number;
  /** The authored feedback for what the student chose (in question order); often empty. */
  feedback: string[];
  /**
   * Which parts were right, for marking them: per option for single and multiple (in question order; true when
   * the option was picked if and only if it is correct), per position for ordering, per left entry for matching.
   */
  parts?: boolean[];
}

/** One kind's pair of pure functions, as an island needs them: mark a response, or say what is missing. */
export interface Kind<Q extends Question = Question, R extends Response = Response> {
  grade(question: Q, response: R): Grade;
  /** What the student still has to do before the answer can be checked; null when it can be. */
  why(question: Q, response: R): string | null;
}

export const CHOOSE = 'Choose an answer first.';

/** Reads a record only through its own keys, so an id such as "constructor" never finds Object.prototype. */
export function own(record: Readonly<Record<string, string>> | undefined, key: string): string | undefined {
  return record && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function allOrNothing(correct: boolean, feedback?: string): Grade {
  return { correct, score: correct ? 1 : 0, feedback: feedback ? [feedback] : [] };
}

export function byShare(parts: boolean[]): Grade {
  const right = parts.filter(Boolean).length;
  return {
    correct: parts.length > 0 && right === parts.length,
    score: parts.length ? right / parts.length : 0,
    feedback: [],
    parts,
  };
}
