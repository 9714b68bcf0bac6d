/**
 * The student's answers in cmi.suspend_data, compact enough for SCORM 1.2's 4,096 characters (2004 allows
 * 64,000). The package knows its questions (PackageConfig), so an answer is stored as positions in the
 * question's own lists rather than as ids and JSON: "3,1,2s4,1,mi8k2f1c,mi8k2f1c,,,2" is question 3, right,
 * score 1, first try, when, and option 2. Text and numbers typed by the student are URI-encoded, so the
 * separators (";" between entries, "," between fields) never occur inside a field.
 *
 *   s3.<base>;L<lesson index>,<openedAt>,<readAt>;<question index>,<flags>,<score×10000>,<attempts>,
 *     <roundAttempts>,<firstAt>,<roundAt>,<lastAt>,<box>,<dueAt>,<response>
 *
 * flags: 1 correct (last response), 2 right first time, 4 round right first time, 8 answer revealed.
 * Times are whole seconds (the course's own copy keeps milliseconds; a merge keeps the finer one), each as
 * a difference: <base> is the earliest time, a lesson's times and an answer's firstAt count from it, roundAt
 * from firstAt, lastAt from roundAt, dueAt from lastAt. So the course package's fullest data, 79 questions
 * answered and reviewed, fits SCORM 1.2's 4,096 characters (tests/browser/scorm.test.ts measures it).
 * Numbers are base 36. A response that does not fit the question's lists (an id
 * the package does not know) is kept whole as "~" + URI-encoded JSON, so nothing is ever dropped silently.
 * The first response progress keeps for hand-ins (firstResponse) is left out on purpose: a package has no hand-in
 * (the LMS keeps its own records), and it would take room SCORM 1.2 does not have. Merging the restored answers
 * with the browser's own keeps the browser's first response (src/progress/merge.ts).
 */
import { attributionChoices, pickedOf } from '../quiz/attribution';
import { isResponse } from '../quiz/response';
import type { Response } from '../schemas/question';
import type { AnswerRecord, LessonProgress, Progress } from '../progress/format';
import { answerEntry, answerKey, BOX_COUNT, emptyProgress, lessonEntry } from '../progress/format';
import type { PackageConfig, PackageQuestion } from './types';

const VERSION = 's3';
const FLAGS = { correct: 1, firstTryRight: 2, roundFirstRight: 4, revealed: 8 } as const;
/** cmi.suspend_data's size in SCORM 1.2 (CMIString4096) and in SCORM 2004 4th edition (64,000 characters). */
export const SUSPEND_LIMIT = { '1.2': 4096, '2004': 64000 } as const;

/** encodeURIComponent throws on a lone surrogate (half an emoji); such a half becomes U+FFFD instead. */
const uri = (text: string) =>
  encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
const n36 = (n: number) => Math.round(n).toString(36);
const opt36 = (n: number | undefined) => (n === undefined ? '' : n36(n));
const parse36 = (text: string): number | undefined => {
  if (!/^-?[0-9a-z]+$/.test(text)) return undefined;
  const n = parseInt(text, 36);
  return Number.isSafeInteger(n) ? n : undefined;
};
const seconds = (ms: number) => Math.floor(ms / 1000);
/** A time as whole seconds after `from` (either in ms); negative when earlier. */
const after = (ms: number, from: number) => n36(seconds(ms) - seconds(from));
const optAfter = (ms: number | undefined, from: number) => (ms === undefined ? '' : after(ms, from));

function encodeResponse(q: PackageQuestion, r: Response): string {
  const at = (list: readonly string[] | undefined, id: string) => (list ?? []).indexOf(id);
  const positions = (list: readonly string[] | undefined, ids: readonly string[]) => {
    const found = ids.map((id) => at(list, id));
    return found.every((i) => i >= 0) ? found.map(n36).join('.') : undefined;
  };
  let compact: string | undefined;
  switch (r.type) {
    case 'single':
      compact = at(q.ids, r.option) >= 0 ? n36(at(q.ids, r.option)) : undefined;
      break;
    case 'multiple':
      compact = positions(q.ids, r.options);
      break;
    case 'ordering':
      compact = positions(q.ids, r.order);
      break;
    case 'matching': {
      const lefts = Object.keys(r.pairs);
      if (lefts.every((l) => at(q.left, l) >= 0 && at(q.right, r.pairs[l]!) >= 0))
        compact = (q.left ?? []).map((l) => (Object.hasOwn(r.pairs, l) ? n36(at(q.right, r.pairs[l]!)) : '')).join('.');
      break;
    }
    case 'truefalse':
      compact = r.value ? '1' : '0';
      break;
    case 'numeric':
    case 'text':
      // "~" marks a whole JSON response, so a typed one is escaped too (encodeURIComponent leaves it).
      compact = uri(r.value).replace(/~/g, '%7E');
      break;
    case 'evidence':
      compact = r.paragraph >= 0 ? n36(r.paragraph) : undefined;
      break;
    case 'attribution': {
      // "n" for "None of them", else the positions of the reports ticked.
      // An answer saved in the two-report form ({ choice: 'a' }) is "c" and its place among those choices, so it
      // comes back as it was.
      if (r.choice !== undefined) {
        compact =
          r.reports === undefined && r.none === undefined ? `c${n36(attributionChoices.indexOf(r.choice))}` : undefined;
        break;
      }
      const picked = pickedOf(r, q.ids ?? []);
      compact = picked === undefined ? undefined : picked.length === 0 && r.none ? 'n' : positions(q.ids, picked);
      break;
    }
  }
  // The type must match too: a response of another type is kept whole.
  return compact !== undefined && r.type === q.type ? compact : `~${uri(JSON.stringify(r))}`;
}

function decodeResponse(q: PackageQuestion, text: string): Response | undefined {
  if (text.startsWith('~')) {
    try {
      const value: unknown = JSON.parse(decodeURIComponent(text.slice(1)));
      return isResponse(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }
  const indices = (list: readonly string[] | undefined) => {
    const parts = text === '' ? [] : text.split('.');
    const ids = parts.map((p) => (list ?? [])[parse36(p) ?? -1]);
    return ids.every((id): id is string => id !== undefined) ? ids : undefined;
  };
  const one = (list: readonly string[] | undefined) => (list ?? [])[parse36(text) ?? -1];
  let response: unknown;
  switch (q.type) {
    case 'single':
      response = { type: 'single', option: one(q.ids) };
      break;
    case 'multiple':
      response = { type: 'multiple', options: indices(q.ids) };
      break;
    case 'ordering':
      response = { type: 'ordering', order: indices(q.ids) };
      break;
    case 'matching': {
      const pairs: Record<string, string> = {};
      const parts = text.split('.');
      if (parts.length !== (q.left ?? []).length) return undefined;
      for (const [i, part] of parts.entries()) {
        if (part === '') continue;
        const right = (q.right ?? [])[parse36(part) ?? -1];
        if (right === undefined) return undefined;
        pairs[q.left![i]!] = right;
      }
      response = { type: 'matching', pairs };
      break;
    }
    case 'truefalse':
      response = text === '1' || text === '0' ? { type: 'truefalse', value: text === '1' } : undefined;
      break;
    case 'numeric':
    case 'text':
      try {
        response = { type: q.type, value: decodeURIComponent(text) };
      } catch {
        return undefined;
      }
      break;
    case 'evidence':
      response = { type: 'evidence', paragraph: parse36(text) };
      break;
    case 'attribution':
      response = text.startsWith('c')
        ? { type: 'attribution', choice: attributionChoices[parse36(text.slice(1)) ?? -1] }
        : text === 'n'
          ? { type: 'attribution', reports: [], none: true }
          : { type: 'attribution', reports: indices(q.ids) };
      break;
  }
  return isResponse(response) ? response : undefined;
}

/** The package's answers and lessons from `progress`, as suspend_data. Answers to another version of a question are left out: they count as not answered. */
export function encodeSuspendData(progress: Progress, config: Pick<PackageConfig, 'lessons' | 'questions'>): string {
  const lessons = config.lessons.map((id) => lessonEntry(progress, id));
  const answers = config.questions.map((q) => {
    const a = answerEntry(progress, q.lesson, q.id);
    return a && a.hash === q.hash && isResponse(a.response) ? a : undefined;
  });
  const times = [...lessons.flatMap((l) => [l?.openedAt, l?.readAt]), ...answers.map((a) => a?.firstAt)].filter(
    (t): t is number => t !== undefined,
  );
  const base = times.length > 0 ? seconds(Math.min(...times)) * 1000 : 0;
  const entries: string[] = [`${VERSION}.${n36(seconds(base))}`];
  lessons.forEach((lesson, i) => {
    if (lesson && (lesson.openedAt !== undefined || lesson.readAt !== undefined))
      entries.push(`L${n36(i)},${optAfter(lesson.openedAt, base)},${optAfter(lesson.readAt, base)}`);
  });
  config.questions.forEach((q, i) => {
    const a = answers[i];
    if (!a) return;
    entries.push(
      [
        n36(i),
        n36(
          (a.correct ? FLAGS.correct : 0) |
            (a.firstTryRight ? FLAGS.firstTryRight : 0) |
            (a.roundFirstRight ? FLAGS.roundFirstRight : 0) |
            (a.revealed ? FLAGS.revealed : 0),
        ),
        n36(a.score * 10000),
        n36(a.attempts),
        n36(a.roundAttempts),
        after(a.firstAt, base),
        after(a.roundAt, a.firstAt),
        after(a.lastAt, a.roundAt),
        opt36(a.box),
        optAfter(a.dueAt, a.lastAt),
        encodeResponse(q, a.response as Response),
      ].join(','),
    );
  });
  return entries.join(';');
}

export interface DecodedSuspendData {
  progress: Progress;
  /** Entries that could not be read (damaged or from another package); 0 when all were. */
  unreadable: number;
}

/** suspend_data back into progress for the package's lessons and questions. Empty text is empty progress. */
export function decodeSuspendData(
  text: string,
  config: Pick<PackageConfig, 'lessons' | 'questions'>,
): DecodedSuspendData {
  const progress = emptyProgress();
  if (text.trim() === '') return { progress, unreadable: 0 };
  const [header, ...entries] = text.split(';');
  const [version, baseText] = (header ?? '').split('.');
  const baseSeconds = parse36(baseText ?? '');
  if (version !== VERSION || baseSeconds === undefined) return { progress, unreadable: entries.length + 1 };
  const base = baseSeconds * 1000;
  /** A time written by after(): seconds from `from` (ms), back to ms; undefined when damaged or negative. */
  const time = (field: string | undefined, from: number) => {
    const delta = field === undefined || field === '' ? undefined : parse36(field);
    const ms = delta === undefined ? undefined : from + delta * 1000;
    return ms !== undefined && ms >= 0 ? ms : undefined;
  };
  let unreadable = 0;
  let latest = 0;
  for (const entry of entries) {
    const fields = entry.split(',');
    if (entry.startsWith('L')) {
      const id = config.lessons[parse36(fields[0]!.slice(1)) ?? -1];
      if (!id || fields.length !== 3) {
        unreadable++;
        continue;
      }
      const lesson: LessonProgress = {};
      const opened = time(fields[1], base);
      const read = time(fields[2], base);
      if (opened !== undefined) lesson.openedAt = opened;
      if (read !== undefined) lesson.readAt = read;
      progress.lessons[id] = lesson;
      latest = Math.max(latest, opened ?? 0, read ?? 0);
      continue;
    }
    const q = config.questions[parse36(fields[0] ?? '') ?? -1];
    const [, flags, score, attempts, roundAttempts, firstText, roundText, lastText, box, dueText] = fields.map((f) =>
      f === '' ? undefined : f,
    );
    const response = q && fields.length === 11 ? decodeResponse(q, fields[10]!) : undefined;
    const first = time(firstText, base);
    const round = first === undefined ? undefined : time(roundText, first);
    const last = round === undefined ? undefined : time(lastText, round);
    const numbers = [flags, score, attempts, roundAttempts].map((f) => (f === undefined ? undefined : parse36(f)));
    if (!q || !response || last === undefined || numbers.some((x) => x === undefined || x < 0)) {
      unreadable++;
      continue;
    }
    const [bits, s, tries, roundTries] = numbers as number[];
    // Clamped to the format's rules (validate.ts), so a damaged entry cannot make the stored progress invalid.
    const lastAt = last;
    const firstAtTime = Math.min(first!, lastAt);
    const allTries = Math.max(1, tries!);
    const roundFirstRight = (bits! & FLAGS.roundFirstRight) !== 0;
    const record: AnswerRecord = {
      hash: q.hash,
      response,
      correct: (bits! & FLAGS.correct) !== 0,
      score: Math.min(1, s! / 10000),
      attempts: allTries,
      firstAt: firstAtTime,
      lastAt,
      firstTryRight: (bits! & FLAGS.firstTryRight) !== 0,
      roundAt: Math.min(lastAt, Math.max(firstAtTime, round!)),
      roundAttempts: Math.min(allTries, Math.max(1, roundTries!)),
      roundFirstRight,
      revealed: !roundFirstRight && (bits! & FLAGS.revealed) !== 0,
    };
    const boxNumber = box === undefined ? undefined : parse36(box);
    if (boxNumber !== undefined && boxNumber >= 1 && boxNumber <= BOX_COUNT) record.box = boxNumber;
    const dueAt = time(dueText, lastAt);
    if (dueAt !== undefined) record.dueAt = dueAt;
    progress.answers[answerKey(q.lesson, q.id)] = record;
    latest = Math.max(latest, lastAt);
  }
  progress.updatedAt = latest;
  return { progress, unreadable };
}
