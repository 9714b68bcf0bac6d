/**
 * What the package reports to the LMS, worked out from the student's progress: plain values, no API calls,
 * so every rule here has a unit test. The browser adapter (runtime.ts) sends them.
 *
 * - score: the share of the package's questions answered right at the first try (the lesson's score on the
 *   site), as raw 0..100 with min 0 and max 100, and in 2004 also scaled 0..1;
 * - completion: every question answered and every lesson read to its end;
 * - success: the score against the mastery score set in content/scorm.yaml (or the LMS's own, if it sets one).
 */
import type { Progress } from '../progress/format';
import { answerEntry, lessonEntry } from '../progress/format';
import { standingOf } from '../progress/summary';
import type { PackageConfig, ScormVersion } from './types';

export interface PackageStanding {
  answered: number;
  rightFirstTime: number;
  total: number;
  /** rightFirstTime / total, 0..1 (0 for a package without questions). */
  score: number;
  lessonsRead: number;
  lessonCount: number;
  completed: boolean;
  passed: boolean;
}

export function packageStanding(
  progress: Progress,
  config: Pick<PackageConfig, 'lessons' | 'questions'>,
  masteryScore: number,
): PackageStanding {
  let answered = 0;
  let right = 0;
  for (const q of config.questions) {
    const answer = answerEntry(progress, q.lesson, q.id);
    if (answer && answer.hash === q.hash) answered++;
    // The lesson's own score on the site (src/progress/summary.ts): a revealed or corrected answer never counts.
    if (standingOf(answer, q).rightFirstTime) right++;
  }
  const total = config.questions.length;
  const lessonsRead = config.lessons.filter((id) => lessonEntry(progress, id)?.readAt !== undefined).length;
  const score = total > 0 ? right / total : 0;
  return {
    answered,
    rightFirstTime: right,
    total,
    score,
    lessonsRead,
    lessonCount: config.lessons.length,
    completed: answered === total && lessonsRead === config.lessons.length,
    // A tiny allowance so that 4 of 5 meets a mastery of 0.8 despite binary fractions.
    passed: score >= masteryScore - 1e-9,
  };
}

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS. */
export function timespan12(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(centis / 360000));
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = (centis % 6000) / 100;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), e.g. PT1H2M3.45S. */
export function timeinterval2004(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360000);
  const minutes = Math.floor((centis % 360000) / 6000);
  const seconds = (centis % 6000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${Number(seconds.toFixed(2))}S`;
}

/** Score as SCORM writes it: at most 2 decimals (1.2's CMIDecimal and 2004's real(10,7) both hold that). */
const decimal = (n: number, places = 2) => String(Number(n.toFixed(places)));

/** The cmi values for the student's standing now (session time and exit are sent on leaving, see sessionEnd). */
export function cmiValues(version: ScormVersion, standing: PackageStanding): Record<string, string> {
  const raw = decimal(standing.score * 100);
  if (version === '1.2') {
    // 1.2 has one status for both: "incomplete" until finished, then "passed" or "failed".
    const status = standing.completed ? (standing.passed ? 'passed' : 'failed') : 'incomplete';
    // Scores before the status: an LMS may act on the status (mark the attempt) as soon as it is set.
    return {
      'cmi.core.score.min': '0',
      'cmi.core.score.max': '100',
      'cmi.core.score.raw': raw,
      'cmi.core.lesson_status': status,
    };
  }
  return {
    'cmi.score.min': '0',
    'cmi.score.max': '100',
    'cmi.score.raw': raw,
    'cmi.score.scaled': decimal(standing.score, 4),
    // How far through: questions answered and lessons read, out of all of them.
    'cmi.progress_measure': decimal(
      (standing.answered + standing.lessonsRead) / Math.max(1, standing.total + standing.lessonCount),
      4,
    ),
    'cmi.completion_status': standing.completed ? 'completed' : 'incomplete',
    // Success is reported once the work is complete: a half-done lesson has not failed.
    'cmi.success_status': standing.completed ? (standing.passed ? 'passed' : 'failed') : 'unknown',
  };
}

/** Sent when the student leaves: the session's time, and "suspend" so that the next launch resumes. */
export function sessionEnd(version: ScormVersion, sessionMs: number): Record<string, string> {
  return version === '1.2'
    ? { 'cmi.core.session_time': timespan12(sessionMs), 'cmi.core.exit': 'suspend' }
    : { 'cmi.session_time': timeinterval2004(sessionMs), 'cmi.exit': 'suspend' };
}

/** The keys for suspend_data and the LMS's own mastery score, by version. */
export const CMI_KEYS = {
  '1.2': { suspend: 'cmi.suspend_data', mastery: 'cmi.student_data.mastery_score', entry: 'cmi.core.entry' },
  '2004': { suspend: 'cmi.suspend_data', mastery: 'cmi.scaled_passing_score', entry: 'cmi.entry' },
} as const;

/** The LMS's mastery score as a share 0..1 (1.2 gives 0..100, 2004 0..1), or undefined when it sets none. */
export function lmsMastery(version: ScormVersion, value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) return undefined;
  const share = version === '1.2' ? n / 100 : n;
  return share >= 0 && share <= 1 ? share : undefined;
}
