import type { Question } from '../quiz';
import { resolveAttribution } from '../quiz/attribution';
import { cyrb53, questionHash } from '../quiz/hash';

// What a hand-in file is checked against: the course's lessons, questions and objectives as plain data, built
// once at build time (src/lib/handin-course.ts from the content collections; scripts and tests from content/
// directly) and given to the islands as props. No zod and no content collections here, so islands can import it.

/** Words that describe a response: option, item, left/right and paragraph ids mapped to their text. */
export interface ResponseLabels {
  type: Question['type'];
  /** Option ids (single, multiple), item ids (ordering), left and right ids (matching) → their text. */
  texts: Record<string, string>;
  /** Matching: right-hand ids → their text (left-hand ids are in `texts`). */
  right?: Record<string, string>;
  /** Numeric: the unit shown after the box. */
  unit?: string;
}

export interface CourseQuestion {
  id: string;
  hash: string;
  prompt: string;
  objective?: string;
  labels: ResponseLabels;
}

export interface CourseObjective {
  id: string;
  text: string;
}

export interface CourseLesson {
  id: string;
  title: string;
  objectives: CourseObjective[];
  questions: CourseQuestion[];
}

export interface CourseManifest {
  courseId: string;
  /** Fingerprint of every lesson's question ids and hashes: two builds that ask the same questions share it. */
  contentVersion: string;
  /** Classes a student may pick from when handing in (none: no choice is offered). */
  classes: string[];
  lessons: CourseLesson[];
}

/** The lesson and quiz data a manifest is made from, however it was read. */
export interface ManifestSource {
  id: string;
  title: string;
  objectives: CourseObjective[];
  /** As written in the quiz files: their hashes are what students' answers are checked against. */
  questions: Question[];
  /** The reports an attribution question asks about when it lists none itself (attributionFallback). */
  reports?: readonly string[];
}

/** Report id → its label ("The Herald"), to name the reports in an attribution response. */
export type ReportLabels = Readonly<Record<string, string>>;

const pairs = (items: readonly { id: string; text: string }[]) =>
  Object.fromEntries(items.map((item) => [item.id, item.text]));

function labelsOf(question: Question, fallback: readonly string[], reportLabels: ReportLabels): ResponseLabels {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { type: question.type, texts: pairs(question.options) };
    case 'ordering':
      return { type: question.type, texts: pairs(question.items) };
    case 'matching':
      return { type: question.type, texts: pairs(question.left), right: pairs(question.right) };
    case 'numeric':
      return question.unit
        ? { type: question.type, texts: {}, unit: question.unit }
        : { type: question.type, texts: {} };
    case 'attribution': {
      // The reports as the lesson page shows them (resolveAttribution), by their labels.
      const { reports } = resolveAttribution(question, fallback);
      const label = (id: string) => (Object.hasOwn(reportLabels, id) ? reportLabels[id]! : id);
      return { type: question.type, texts: Object.fromEntries(reports.map((id) => [id, label(id)])) };
    }
    default:
      return { type: question.type, texts: {} };
  }
}

/** The content version: order-sensitive, so moving a question to another lesson changes it too. */
export function contentVersionOf(lessons: readonly Pick<CourseLesson, 'id' | 'questions'>[]): string {
  const text = lessons.map((l) => `${l.id}:${l.questions.map((q) => `${q.id}=${q.hash}`).join(',')}`).join(';');
  return cyrb53(text).toString(36);
}

/**
 * The course's id (which course a hand-in is for), the classes students may pick from and the reports' labels come
 * from the caller.
 */
export function buildManifest(
  lessons: readonly ManifestSource[],
  {
    courseId,
    classes = [],
    reportLabels = {},
  }: { courseId: string; classes?: readonly string[]; reportLabels?: ReportLabels },
): CourseManifest {
  const built: CourseLesson[] = lessons.map((lesson) => ({
    id: lesson.id,
    title: lesson.title,
    objectives: lesson.objectives.map(({ id, text }) => ({ id, text })),
    questions: lesson.questions.map((question) => {
      const entry: CourseQuestion = {
        id: question.id,
        hash: questionHash(question),
        prompt: question.prompt,
        labels: labelsOf(question, lesson.reports ?? [], reportLabels),
      };
      if (question.objective) entry.objective = question.objective;
      return entry;
    }),
  }));
  return { courseId, contentVersion: contentVersionOf(built), classes: [...classes], lessons: built };
}

/** What the student's hand-in needs of the course: ids, hashes and titles, not the instructor's response texts. */
export interface StudentCourse {
  courseId: string;
  contentVersion: string;
  classes: string[];
  lessons: { id: string; title: string; questions: { id: string; hash: string }[] }[];
}

export function studentCourse(manifest: CourseManifest): StudentCourse {
  return {
    courseId: manifest.courseId,
    contentVersion: manifest.contentVersion,
    classes: manifest.classes,
    lessons: manifest.lessons.map((lesson) => ({
      id: lesson.id,
      title: lesson.title,
      questions: lesson.questions.map(({ id, hash }) => ({ id, hash })),
    })),
  };
}
