import type { AnswerRecord, Progress } from '../format';
import { splitAnswerKey } from '../format';
import { mergeImported } from './import';
import { canonical } from '../canonical';

// What importing a file would do, counted per lesson so the student can decide between merge and replace.

export interface ImportCounts {
  /** Answers in the file that this browser does not have yet. */
  added: number;
  /** Answers both have, where the file's is newer, so merging changes this browser's. */
  updated: number;
  /** Answers both have, where merging changes nothing. */
  unchanged: number;
  /** Answers in this browser that replacing would remove or roll back to an older answer. */
  lostOnReplace: number;
}

export interface ImportPreview {
  /** Keyed by lesson id; lessons with nothing to count are left out. */
  lessons: Record<string, ImportCounts>;
  total: ImportCounts;
}

const zero = (): ImportCounts => ({ added: 0, updated: 0, unchanged: 0, lostOnReplace: 0 });

function sameAnswer(x: AnswerRecord, y: AnswerRecord): boolean {
  return canonical(x) === canonical(y);
}

export function previewImport(current: Progress, incoming: Progress): ImportPreview {
  const merged = mergeImported(current, incoming);
  const lessons: Record<string, ImportCounts> = {};
  const total = zero();
  const count = (key: string, field: keyof ImportCounts) => {
    const lessonId = splitAnswerKey(key)?.lessonId ?? key;
    const counts = Object.hasOwn(lessons, lessonId) ? lessons[lessonId] : (lessons[lessonId] = zero());
    counts[field]++;
    total[field]++;
  };
  for (const key of Object.keys(incoming.answers)) {
    const mine = Object.hasOwn(current.answers, key) ? current.answers[key] : undefined;
    if (!mine) count(key, 'added');
    else if (sameAnswer(mine, merged.answers[key])) count(key, 'unchanged');
    else count(key, 'updated');
  }
  for (const [key, mine] of Object.entries(current.answers)) {
    const theirs = Object.hasOwn(incoming.answers, key) ? incoming.answers[key] : undefined;
    if (!theirs || theirs.lastAt < mine.lastAt) count(key, 'lostOnReplace');
  }
  return { lessons, total };
}
