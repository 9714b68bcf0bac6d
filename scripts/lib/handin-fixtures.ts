// Synthetic hand-in files for a course: a class of students with varied, made-up answers. For the bench
// (scripts/bench-handins.ts): not right or wrong by the real answer key, only shaped like real hand-ins, so
// the files are as large and as varied as a real class's.
import type { CourseManifest, CourseQuestion } from '../../src/handin/course.ts';
import { HANDIN_FORMAT, HANDIN_KIND, sealHandIn, type HandIn, type HandInQuestion } from '../../src/handin/format.ts';
import type { JsonValue } from '../../src/progress/format.ts';

/** mulberry32: a small seeded generator, so every run makes the same files. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function responseFor(question: CourseQuestion, next: () => number): JsonValue {
  const ids = Object.keys(question.labels.texts);
  const pick = () => ids[Math.floor(next() * ids.length)] ?? 'a';
  switch (question.labels.type) {
    case 'single':
      return { type: 'single', option: pick() };
    case 'multiple':
      return { type: 'multiple', options: ids.filter(() => next() < 0.5) };
    case 'truefalse':
      return { type: 'truefalse', value: next() < 0.5 };
    case 'ordering':
      return { type: 'ordering', order: [...ids].sort(() => next() - 0.5) };
    case 'matching': {
      const right = Object.keys(question.labels.right ?? {});
      return { type: 'matching', pairs: Object.fromEntries(ids.map((id, i) => [id, right[(i + 1) % right.length]!])) };
    }
    case 'numeric':
      return { type: 'numeric', value: String(Math.floor(next() * 5000)) };
    case 'text':
      return { type: 'text', value: ['Baghdad', 'Bagdad', 'Basra', 'Erbil'][Math.floor(next() * 4)]! };
    case 'evidence':
      return { type: 'evidence', paragraph: 1 + Math.floor(next() * 9) };
    case 'attribution':
      return { type: 'attribution', choice: (['a', 'b', 'both', 'neither'] as const)[Math.floor(next() * 4)]! };
  }
}

export function syntheticHandIns(course: CourseManifest, count: number, seed = 1): HandIn[] {
  const next = random(seed);
  const start = Date.UTC(2024, 4, 6, 9, 0);
  return Array.from({ length: count }, (_, i) => {
    const questions: HandInQuestion[] = course.lessons.flatMap((lesson) =>
      lesson.questions.map((question) => {
        if (next() < 0.1)
          return {
            lesson: lesson.id,
            id: question.id,
            hash: question.hash,
            attempts: 0,
            firstResponse: null,
            firstCorrect: null,
            revealed: false,
            mastered: false,
          };
        const firstCorrect = next() < 0.6;
        const revealed = !firstCorrect && next() < 0.3;
        return {
          lesson: lesson.id,
          id: question.id,
          hash: question.hash,
          attempts: firstCorrect ? 1 : 1 + Math.floor(next() * 3),
          firstResponse: responseFor(question, next),
          firstCorrect,
          revealed,
          mastered: firstCorrect && !revealed,
        };
      }),
    );
    return sealHandIn({
      kind: HANDIN_KIND,
      format: HANDIN_FORMAT,
      course: course.courseId,
      contentVersion: course.contentVersion,
      name: `Synthetic Student ${String(i + 1).padStart(3, '0')}`,
      class: i % 2 === 0 ? '7B' : '7C',
      handedInAt: start + i * 60_000,
      lessons: course.lessons.map((lesson) => ({ id: lesson.id, rightFirstTime: 0.5, mastered: false })),
      questions,
    });
  });
}
