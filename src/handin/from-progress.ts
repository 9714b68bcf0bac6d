import type { Progress } from '../schemas/progress';
import { answerEntry, lessonEntry } from '../progress/format';
import { firstResponseOf } from '../progress/first-response';
import { lessonSummary, standingOf } from '../progress/summary';
import type { StudentCourse } from './course';
import { HANDIN_FORMAT, HANDIN_KIND, sealHandIn, type HandIn, type HandInQuestion } from './format';
import { cleanName } from './label';

// A student's hand-in, made from their progress as it is in this browser. Every question of the course is listed,
// answered or not, each with the hash it was answered in, so the instructor's page can tell which answers were to
// an older version of a question.

export interface Student {
  name: string;
  className?: string;
}

export function handInFromProgress(progress: Progress, manifest: StudentCourse, student: Student, now: number): HandIn {
  const questions: HandInQuestion[] = [];
  const lessons = manifest.lessons.map((lesson) => {
    let lastAnsweredAt: number | undefined;
    for (const question of lesson.questions) {
      const answer = answerEntry(progress, lesson.id, question.id);
      if (!answer) {
        questions.push({
          lesson: lesson.id,
          id: question.id,
          hash: question.hash,
          attempts: 0,
          firstResponse: null,
          firstCorrect: null,
          revealed: false,
          mastered: false,
        });
        continue;
      }
      // The first response as progress keeps it (see firstResponseOf): null when it is not known, for answers of
      // several attempts saved before progress kept it.
      lastAnsweredAt = Math.max(lastAnsweredAt ?? 0, answer.lastAt);
      questions.push({
        lesson: lesson.id,
        id: question.id,
        hash: answer.hash,
        attempts: answer.attempts,
        firstResponse: firstResponseOf(answer),
        firstCorrect: answer.firstTryRight,
        revealed: answer.revealed,
        // Mastery as the student's own page counts it, for the version of the question the student answered.
        mastered: standingOf(answer, { id: question.id, hash: answer.hash }).mastered,
      });
    }
    const entry = lessonEntry(progress, lesson.id);
    const summary = lessonSummary(progress, lesson.id, lesson.questions);
    return {
      id: lesson.id,
      rightFirstTime: summary.score,
      mastered: summary.mastered,
      ...(entry?.openedAt !== undefined && { openedAt: entry.openedAt }),
      ...(entry?.readAt !== undefined && { readAt: entry.readAt }),
      ...(lastAnsweredAt !== undefined && { lastAnsweredAt }),
    };
  });
  const className = student.className === undefined ? '' : cleanName(student.className);
  return sealHandIn({
    kind: HANDIN_KIND,
    format: HANDIN_FORMAT,
    course: manifest.courseId,
    contentVersion: manifest.contentVersion,
    name: cleanName(student.name),
    ...(className !== '' && { class: className }),
    handedInAt: Math.max(0, Math.floor(now)),
    lessons,
    questions,
  });
}

/** The file name offered for download: the name's letters and digits, and the day. */
export function handInFileName(handIn: HandIn): string {
  const slug =
    handIn.name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'student';
  return `hand-in-${slug}-${new Date(handIn.handedInAt).toISOString().slice(0, 10)}.json`;
}
