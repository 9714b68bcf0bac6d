// Shared set-up for the quiz island tests: a fresh progress store per test (the store is a module singleton
// that starts lazily), props as the server would build them, and stored progress to start from.
import { vi } from 'vitest';
import { questionHash, shownOrder, type Question } from '../../src/quiz';
import type { QuestionProps } from '../../src/components/quiz/types';

export const LESSON = 'lesson-one';
export const PROGRESS_KEY = 'course-progress-v1';

export function propsFor(question: Question, extra: Partial<QuestionProps> = {}): QuestionProps {
  const hash = questionHash(question);
  return {
    question,
    hash,
    lessonId: LESSON,
    lessonQuestions: [{ id: question.id, hash }],
    evidence: { href: '/reports/report-a/#p2', label: 'Report A, paragraph 2' },
    paragraphs:
      question.type === 'evidence'
        ? [1, 2, 3, 4, 5].map((n) => ({
            n,
            preview: `Words that open paragraph ${n}…`,
            href: `/reports/report-a/#p${n}`,
          }))
        : undefined,
    order: shownOrder(question),
    ...extra,
  };
}

/** Progress as stored, holding one answer. */
export function storedAnswer(
  question: Question,
  response: unknown,
  options: { hash?: string; correct?: boolean } = {},
) {
  const at = 1_700_000_000_000;
  return JSON.stringify({
    version: 2,
    updatedAt: at,
    lessons: {},
    answers: {
      [`${LESSON}/${question.id}`]: {
        hash: options.hash ?? questionHash(question),
        response,
        correct: options.correct ?? true,
        score: options.correct === false ? 0 : 1,
        attempts: 1,
        firstAt: at,
        lastAt: at,
        firstTryRight: options.correct ?? true,
        roundAt: at,
        roundAttempts: 1,
        roundFirstRight: options.correct ?? true,
        revealed: false,
      },
    },
  });
}

let cleanupLast: (() => void) | undefined;

/**
 * Fresh modules (so a fresh store), with the component, the store it uses, and the testing library's
 * render: all imported after the reset, so they share one Svelte runtime.
 */
export async function freshIsland() {
  cleanupLast?.();
  vi.resetModules();
  const testing = await import('@testing-library/svelte');
  cleanupLast = testing.cleanup;
  const store = await import('../../src/progress/browser-store');
  // Each kind's own island component, as Quiz.astro renders it (Question.svelte, for /review/, loads these).
  const components = {
    single: () => import('../../src/components/quiz/ChoiceQuestion.svelte'),
    truefalse: () => import('../../src/components/quiz/ChoiceQuestion.svelte'),
    attribution: () => import('../../src/components/quiz/ChoiceQuestion.svelte'),
    multiple: () => import('../../src/components/quiz/MultipleQuestion.svelte'),
    ordering: () => import('../../src/components/quiz/OrderingQuestion.svelte'),
    matching: () => import('../../src/components/quiz/MatchingQuestion.svelte'),
    numeric: () => import('../../src/components/quiz/NumericQuestion.svelte'),
    text: () => import('../../src/components/quiz/TextQuestion.svelte'),
    evidence: () => import('../../src/components/quiz/EvidenceQuestion.svelte'),
  };
  async function renderQuestion(props: QuestionProps) {
    const { default: Component } = await components[props.question.type]();
    return testing.render(Component as never, { props: { props } } as never);
  }
  return { store, renderQuestion };
}

export function cleanupIsland() {
  cleanupLast?.();
  cleanupLast = undefined;
}
