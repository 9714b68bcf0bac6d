import type { JsonValue } from '../schemas/progress';
import type { CourseLesson, CourseManifest, CourseQuestion } from './course';
import type { HandIn, HandInQuestion } from './format';
import { canonical } from '../progress/canonical';
import { responseText } from './response-text';

// The instructor's figures, from the hand-ins that passed their checks. Pure functions of the files and the
// course as this page was built: nothing here reads the DOM or the clock. A question whose hash in a file
// differs from the current question's was answered in another version of it: it is counted as "changed" and
// left out of that question's figures, never mixed in.

export interface OpenedFile {
  fileName: string;
  handIn: HandIn;
}

/** The same student handing in twice: same name (case and spacing aside) and same class. */
export function studentKey(handIn: Pick<HandIn, 'name' | 'class'>): string {
  return `${handIn.name.replace(/\s+/g, ' ').trim().toLocaleLowerCase('en')}\u0000${handIn.class ?? ''}`;
}

/** Later hand-in first; equal times settled by checksum and file name, so the input order never matters. */
function newer(a: OpenedFile, b: OpenedFile): boolean {
  if (a.handIn.handedInAt !== b.handIn.handedInAt) return a.handIn.handedInAt > b.handIn.handedInAt;
  if (a.handIn.checksum !== b.handIn.checksum) return a.handIn.checksum > b.handIn.checksum;
  return a.fileName > b.fileName;
}

export interface SetAside {
  file: OpenedFile;
  /** The student's later hand-in, which is used instead. */
  kept: OpenedFile;
}

/** One hand-in per student, the latest; the earlier ones are returned so the page can say what it set aside. */
export function keepLatest(files: readonly OpenedFile[]): { kept: OpenedFile[]; setAside: SetAside[] } {
  const latest = new Map<string, OpenedFile>();
  for (const file of files) {
    const key = studentKey(file.handIn);
    const current = latest.get(key);
    if (!current || newer(file, current)) latest.set(key, file);
  }
  const kept = [...latest.values()];
  const setAside = files.flatMap((file) => {
    const winner = latest.get(studentKey(file.handIn))!;
    return winner === file ? [] : [{ file, kept: winner }];
  });
  return { kept, setAside };
}

export type VersionState = 'same' | 'older' | 'newer' | 'other';

export interface VersionCheck {
  state: VersionState;
  /** Questions ("lesson/question") the file answered in another version than this page's. */
  changed: string[];
  /** Questions in the file that this course no longer has. */
  removed: string[];
}

const questionIndex = (manifest: CourseManifest) => {
  const index = new Map<string, CourseQuestion>();
  for (const lesson of manifest.lessons)
    for (const question of lesson.questions) index.set(`${lesson.id}/${question.id}`, question);
  return index;
};

/**
 * How a file's content version relates to this page's. Content versions are fingerprints, not numbers, so
 * "older" and "newer" are read from the times: handed in before this page was built means an older version of
 * the content; after it, a newer one (this page is out of date).
 */
export function checkVersion(handIn: HandIn, manifest: CourseManifest, builtAt: number): VersionCheck {
  const index = questionIndex(manifest);
  const changed: string[] = [];
  const removed: string[] = [];
  for (const question of handIn.questions) {
    const key = `${question.lesson}/${question.id}`;
    const current = index.get(key);
    if (!current) removed.push(key);
    else if (current.hash !== question.hash) changed.push(key);
  }
  const state: VersionState =
    handIn.contentVersion === manifest.contentVersion
      ? 'same'
      : builtAt > 0 && handIn.handedInAt < builtAt
        ? 'older'
        : builtAt > 0
          ? 'newer'
          : 'other';
  return { state, changed, removed };
}

export interface LessonCell {
  /** Questions of the lesson right at the first try, to the question as it is now. */
  rightFirstTime: number;
  total: number;
  /** Questions answered in another version of the question: not counted. */
  changed: number;
  answered: number;
  mastered: boolean;
}

export interface StudentRow {
  key: string;
  name: string;
  className: string;
  handedInAt: number;
  fileName: string;
  lessons: Record<string, LessonCell>;
}

/** The file's record of a question, only if it was answered in the version this page has. */
function sameVersion(records: Map<string, HandInQuestion>, lessonId: string, question: CourseQuestion) {
  const record = records.get(`${lessonId}/${question.id}`);
  return record && record.hash === question.hash ? record : undefined;
}

const recordsOf = (handIn: HandIn) => new Map(handIn.questions.map((q) => [`${q.lesson}/${q.id}`, q]));

function lessonCell(records: Map<string, HandInQuestion>, lesson: CourseLesson): LessonCell {
  let rightFirstTime = 0;
  let changed = 0;
  let answered = 0;
  let mastered = 0;
  for (const question of lesson.questions) {
    const any = records.get(`${lesson.id}/${question.id}`);
    if (any && any.hash !== question.hash && any.attempts > 0) changed++;
    const record = sameVersion(records, lesson.id, question);
    if (!record || record.attempts === 0) continue;
    answered++;
    if (record.firstCorrect === true) rightFirstTime++;
    if (record.mastered) mastered++;
  }
  const total = lesson.questions.length;
  return { rightFirstTime, total, changed, answered, mastered: total > 0 && mastered === total };
}

export function studentRows(manifest: CourseManifest, files: readonly OpenedFile[]): StudentRow[] {
  return files.map(({ fileName, handIn }) => {
    const records = recordsOf(handIn);
    const lessons: Record<string, LessonCell> = Object.create(null);
    for (const lesson of manifest.lessons) lessons[lesson.id] = lessonCell(records, lesson);
    return {
      key: studentKey(handIn),
      name: handIn.name,
      className: handIn.class ?? '',
      handedInAt: handIn.handedInAt,
      fileName,
      lessons,
    };
  });
}

export type SortKey = { by: 'name' | 'class' | 'handedIn' } | { by: 'rightFirstTime' | 'mastered'; lesson: string };

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Rows in the order a sortable column header asks for; ties fall back to the name, so the order is total. */
export function sortRows(
  rows: readonly StudentRow[],
  key: SortKey,
  direction: 'ascending' | 'descending',
): StudentRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const value = (row: StudentRow): number | string => {
    switch (key.by) {
      case 'name':
        return row.name;
      case 'class':
        return row.className;
      case 'handedIn':
        return row.handedInAt;
      case 'rightFirstTime': {
        const cell = row.lessons[key.lesson];
        return cell && cell.total > 0 ? cell.rightFirstTime / cell.total : -1;
      }
      case 'mastered':
        return row.lessons[key.lesson]?.mastered ? 1 : 0;
    }
  };
  const compare = (a: number | string, b: number | string) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b));
  return [...rows].sort(
    (a, b) => sign * compare(value(a), value(b)) || collator.compare(a.name, b.name) || collator.compare(a.key, b.key),
  );
}

export interface WrongResponse {
  text: string;
  count: number;
}

export interface QuestionFigures {
  lessonId: string;
  questionId: string;
  prompt: string;
  objective?: string;
  /** Students who answered this version of the question. */
  answered: number;
  rightFirstTime: number;
  revealed: number;
  /** Students whose answer was to another version of it. */
  changed: number;
  /** The wrong first response chosen most often, with its text; undefined when no known first response was wrong. */
  commonWrong?: WrongResponse;
  /** Students wrong at the first try whose first response is not known (saved before the site kept it). */
  wrongNotKnown: number;
}

export function questionFigures(manifest: CourseManifest, files: readonly OpenedFile[]): QuestionFigures[] {
  const all = files.map((file) => recordsOf(file.handIn));
  return manifest.lessons.flatMap((lesson) =>
    lesson.questions.map((question) => {
      const figures: QuestionFigures = {
        lessonId: lesson.id,
        questionId: question.id,
        prompt: question.prompt,
        answered: 0,
        rightFirstTime: 0,
        revealed: 0,
        changed: 0,
        wrongNotKnown: 0,
      };
      if (question.objective) figures.objective = question.objective;
      const wrong = new Map<string, { response: JsonValue; count: number }>();
      for (const records of all) {
        const any = records.get(`${lesson.id}/${question.id}`);
        if (!any || any.attempts === 0) continue;
        if (any.hash !== question.hash) {
          figures.changed++;
          continue;
        }
        figures.answered++;
        if (any.firstCorrect === true) figures.rightFirstTime++;
        if (any.revealed) figures.revealed++;
        if (any.firstCorrect === false && any.firstResponse === null) figures.wrongNotKnown++;
        else if (any.firstCorrect === false) {
          const key = canonical(any.firstResponse);
          const entry = wrong.get(key) ?? { response: any.firstResponse, count: 0 };
          entry.count++;
          wrong.set(key, entry);
        }
      }
      // Most chosen; a tie goes to the response whose text sorts first, so the answer never depends on file order.
      let best: WrongResponse | undefined;
      for (const { response, count } of wrong.values()) {
        const text = responseText(question.labels, response);
        if (!best || count > best.count || (count === best.count && text < best.text)) best = { text, count };
      }
      if (best) figures.commonWrong = best;
      return figures;
    }),
  );
}

/** An objective the class has mastered when at least this share of the students has every question of it mastered. */
export const CLASS_MASTERY_SHARE = 0.8;

export interface ObjectiveFigures {
  lessonId: string;
  id: string;
  text: string;
  questions: number;
  students: number;
  /** Students with every question of the objective mastered, in the version this page has. */
  mastered: number;
  classHasMastered: boolean;
}

export function objectiveFigures(manifest: CourseManifest, files: readonly OpenedFile[]): ObjectiveFigures[] {
  const all = files.map((file) => recordsOf(file.handIn));
  return manifest.lessons.flatMap((lesson) =>
    lesson.objectives.map((objective) => {
      const questions = lesson.questions.filter((q) => q.objective === objective.id);
      const mastered = all.filter(
        (records) =>
          questions.length > 0 && questions.every((q) => sameVersion(records, lesson.id, q)?.mastered === true),
      ).length;
      return {
        lessonId: lesson.id,
        id: objective.id,
        text: objective.text,
        questions: questions.length,
        students: all.length,
        mastered,
        classHasMastered: all.length > 0 && mastered >= CLASS_MASTERY_SHARE * all.length,
      };
    }),
  );
}
