// Attribution questions ("which of the lesson's reports say this?") over any number of reports: the student ticks
// the reports that say it, or "none of them". In a module of its own so the question schema (build time), the
// grader, the islands and the exports read the one rule from one place without importing each other.
//
// The first form of these questions knew 2 reports only: answer a, b, both or neither, with a = the first of the
// question's reports and b = the second. Those questions, and answers students saved for them ({ choice: 'a' }),
// still work: everything below reads either form.

/** The two-report answers of the first form. */
export const attributionChoices = ['a', 'b', 'both', 'neither'] as const;
export type AttributionChoice = (typeof attributionChoices)[number];

/** Feedback for a student who ticked no report. */
export const NONE = 'none';

/** What the grader and the islands need of an attribution question. */
export interface AttributionLike {
  /** The reports to choose from, in order; absent in a first-form question not yet resolved at build time. */
  reports?: readonly string[];
  answer: AttributionChoice | readonly string[];
  feedback?: Readonly<Record<string, string | undefined>>;
}

/** A student's choice: the reports ticked, or `none: true`; or, saved by the first form, one of a|b|both|neither. */
export interface AttributionPick {
  reports?: readonly string[];
  none?: boolean;
  choice?: AttributionChoice;
}

/** Stand-ins for a first-form question’s 2 reports when it has not been told which they are. */
const PLACEHOLDERS = ['a', 'b'] as const;

export function reportsOf(question: AttributionLike): readonly string[] {
  return question.reports && question.reports.length > 0 ? question.reports : PLACEHOLDERS;
}

/** The reports a first-form choice stands for, among `reports`. */
function fromChoice(choice: AttributionChoice, reports: readonly string[]): string[] {
  if (choice === 'a') return reports.slice(0, 1);
  if (choice === 'b') return reports.slice(1, 2);
  if (choice === 'both') return reports.slice(0, 2);
  return [];
}

/** The reports that say it, in the question's order. */
export function answerOf(question: AttributionLike): string[] {
  const reports = reportsOf(question);
  const answer = question.answer;
  return typeof answer === 'string' ? fromChoice(answer, reports) : reports.filter((r) => answer.includes(r));
}

/**
 * The reports a student ticked, in the question's order ([] for "none of them"), or undefined for no choice yet.
 * `reports` are those of a question resolved at build time (resolveAttribution): the browser only ever sees those,
 * so this and grade.ts stay small there.
 */
export function pickedOf(pick: AttributionPick, reports: readonly string[]): string[] | undefined {
  if (pick.none) return [];
  if (pick.reports !== undefined) {
    const ticked = pick.reports;
    const picked = reports.filter((r) => ticked.includes(r));
    return picked.length > 0 ? picked : undefined;
  }
  return pick.choice === undefined ? undefined : fromChoice(pick.choice, reports);
}

/** "herald+city-radio", or "none": how feedback is keyed, by the set of reports a student ticked. */
export function feedbackKey(picked: readonly string[], reports: readonly string[]): string {
  const ordered = reports.filter((r) => picked.includes(r));
  return ordered.length === 0 ? NONE : ordered.join('+');
}

/** The reports a feedback key stands for: "herald+city-radio" (any order), "none", or a first-form a|b|both|neither. */
function keyReports(key: string, reports: readonly string[]): string[] {
  if (key === NONE) return [];
  if ((attributionChoices as readonly string[]).includes(key)) return fromChoice(key as AttributionChoice, reports);
  return key.split('+');
}

/** The feedback written for exactly this choice, in either form. */
export function feedbackFor(question: AttributionLike, picked: readonly string[]): string | undefined {
  const reports = reportsOf(question);
  for (const [key, text] of Object.entries(question.feedback ?? {})) {
    if (text !== undefined && sameReports(keyReports(key, reports), picked)) return text;
  }
  return undefined;
}

export function sameReports(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}

/**
 * A question in the second form with its reports named: what the build hands the islands and the exports, so that
 * "a" and "b" are read once, against the reports the question is really about. `reports` is the question's own
 * list, or else the lesson's readings (or the course's reports, in reading order) when it has none.
 */
export function resolveAttribution<Q extends AttributionLike>(
  question: Q,
  fallback: readonly string[],
): Q & { reports: string[]; answer: string[] } {
  const reports = [...(question.reports && question.reports.length > 0 ? question.reports : fallback)];
  const resolved = { ...question, reports };
  const feedback: Record<string, string> = {};
  for (const [key, text] of Object.entries(question.feedback ?? {})) {
    if (text !== undefined) feedback[feedbackKey(keyReports(key, reports), reports)] = text;
  }
  return {
    ...resolved,
    answer: answerOf(resolved),
    ...(question.feedback ? { feedback } : {}),
  };
}

/** The reports a question without `reports:` is about: the lesson's readings when 2 or more, else the course's. */
export function attributionFallback(readings: readonly string[], courseReports: readonly string[]): string[] {
  return [...(readings.length >= 2 ? readings : courseReports)];
}

/**
 * An attribution question as choices, one per report ("The Herald says it") and "None of them says it" (id "none"):
 * several may be right. The islands get these worked out at build time; the exports carry them as multiple-answer.
 */
export function attributionOptions(
  question: AttributionLike,
  sources: readonly { id: string; label: string }[],
): { id: string; text: string; correct: boolean; feedback?: string }[] {
  const answer = answerOf(question);
  const label = (id: string) => sources.find((s) => s.id === id)?.label ?? id;
  return [
    ...reportsOf(question).map((id) => ({
      id,
      text: `${label(id)} says it`,
      correct: answer.includes(id),
      feedback: feedbackFor(question, [id]),
    })),
    { id: NONE, text: 'None of them says it', correct: answer.length === 0, feedback: feedbackFor(question, []) },
  ];
}
