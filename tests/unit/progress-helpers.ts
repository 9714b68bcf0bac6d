import fc from 'fast-check';
import type { AnswerRecord, JsonValue, LessonProgress, Progress } from '../../src/progress/format';
import type { StorageLike } from '../../src/progress/storage';

// Test doubles and generators shared by the progress-*.test.ts files.

/** One browser's localStorage, shared by several "tabs" that each see the others' writes as events. */
export class FakeBrowserStorage {
  readonly items = new Map<string, string>();
  /** Total characters of keys and values allowed; a write that would exceed it throws QuotaExceededError. */
  quota = Infinity;
  /** Make every access throw, as a browser that blocks storage does. */
  blocked = false;
  /** Make setItem throw a non-quota error (some private modes). */
  readOnlyMode = false;
  private readonly tabs = new Set<FakeTab>();

  tab(): FakeTab {
    const tab = new FakeTab(this);
    this.tabs.add(tab);
    return tab;
  }

  used(except?: string): number {
    let total = 0;
    for (const [key, value] of this.items) if (key !== except) total += key.length + value.length;
    return total;
  }

  write(from: FakeTab, key: string, value: string | null): void {
    if (this.blocked) throw new DOMException('The operation is insecure.', 'SecurityError');
    if (value !== null) {
      if (this.readOnlyMode) throw new DOMException('read only', 'InvalidStateError');
      if (this.used(key) + key.length + value.length > this.quota) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
    }
    const oldValue = this.items.get(key) ?? null;
    if (value === null) this.items.delete(key);
    else this.items.set(key, value);
    if (oldValue === value) return;
    for (const tab of this.tabs) if (tab !== from) tab.deliver(key, value);
  }

  backups(): string[] {
    return [...this.items.keys()].filter((key) => key.startsWith('course-progress-backup-')).sort();
  }
}

type Listener = (key: string | null, newValue: string | null) => void;

export class FakeTab implements StorageLike {
  private readonly listeners = new Set<Listener>();
  /** Events held back, to play them later (a tab that has not heard yet). */
  holdEvents = false;
  readonly held: [string, string | null][] = [];
  /** This tab's own copy of storage, as a browser tab keeps: other tabs' writes reach it only with their event. */
  private cache: Map<string, string> | undefined;
  constructor(readonly browser: FakeBrowserStorage) {}

  /** From now on reads see other tabs' writes only once their events are delivered (see holdEvents). */
  readOwnCopy(): void {
    this.cache = new Map(this.browser.items);
  }

  getItem(key: string): string | null {
    if (this.browser.blocked) throw new DOMException('The operation is insecure.', 'SecurityError');
    return (this.cache ?? this.browser.items).get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.browser.write(this, key, String(value));
    this.cache?.set(key, String(value));
  }
  removeItem(key: string): void {
    this.browser.write(this, key, null);
    this.cache?.delete(key);
  }
  get length(): number {
    return (this.cache ?? this.browser.items).size;
  }
  key(index: number): string | null {
    return [...(this.cache ?? this.browser.items).keys()][index] ?? null;
  }
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  deliver(key: string, value: string | null): void {
    if (this.holdEvents) return void this.held.push([key, value]);
    if (this.cache && value === null) this.cache.delete(key);
    else if (this.cache && value !== null) this.cache.set(key, value);
    for (const listener of this.listeners) listener(key, value);
  }
  release(): void {
    this.holdEvents = false;
    for (const [key, value] of this.held.splice(0)) this.deliver(key, value);
  }
}

/** Through JSON and back, as every stored value is (turns -0 into 0, drops undefined fields). */
export const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Grades and a response for the tests that record answers (applyAnswer). */
export const right = { correct: true, score: 1 };
export const wrong = { correct: false, score: 0 };
export const pick = (option: string) => ({ type: 'single', option });

export function answer(overrides: Partial<AnswerRecord> = {}): AnswerRecord {
  return {
    hash: 'h1',
    response: { type: 'single', option: 'a' },
    correct: true,
    score: 1,
    attempts: 1,
    firstAt: 1000,
    lastAt: 1000,
    firstTryRight: true,
    // The round starts with the first attempt unless a test says otherwise, so firstAt alone moves both.
    roundAt: overrides.firstAt ?? 1000,
    roundAttempts: 1,
    roundFirstRight: true,
    revealed: false,
    ...overrides,
  };
}

export function doc(parts: Partial<Progress> = {}): Progress {
  return { version: 2, updatedAt: 1000, lessons: {}, answers: {}, ...parts };
}

// Generators. Small id and time ranges make collisions and ties (the interesting cases) common.
export const timeArb = fc.integer({ min: 0, max: 3000 });
export const lessonIdArb = fc.constantFrom('intro', 'timeline', 'two-reports', 'l-4');
export const questionIdArb = fc.constantFrom('q1', 'q2', 'q-3', 'quiz-a.q4');
export const answerKeyArb = fc.tuple(lessonIdArb, questionIdArb).map(([l, q]) => `${l}/${q}`);

const plainKeyArb = fc.stringMatching(/^[a-z]{1,5}$/);
export const jsonArb: fc.Arbitrary<JsonValue> = fc
  .letrec<{ value: JsonValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.string({ maxLength: 8 }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(plainKeyArb, tie('value'), { maxKeys: 3, noNullPrototype: true }),
    ),
  }))
  .value.map(viaJson);

export const responseArb: fc.Arbitrary<JsonValue> = fc.oneof(
  fc.record({ type: fc.constant('single'), option: fc.constantFrom('a', 'b', 'c') }),
  // Each option once: a response naming one twice is repaired on read (src/progress/repair.ts), so is not "valid".
  fc.record({
    type: fc.constant('multiple'),
    options: fc.uniqueArray(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
  }),
  fc.record({ type: fc.constant('numeric'), value: fc.string({ maxLength: 6 }) }),
  jsonArb,
);

export const answerArb: fc.Arbitrary<AnswerRecord> = fc
  .record(
    {
      hash: fc.constantFrom('h1', 'h2', 'zz9'),
      response: responseArb,
      correct: fc.boolean(),
      score: fc.double({ min: 0, max: 1, noNaN: true }),
      attempts: fc.integer({ min: 1, max: 9 }),
      firstAt: timeArb,
      lastAt: timeArb,
      firstTryRight: fc.boolean(),
      roundAt: timeArb,
      roundAttempts: fc.integer({ min: 1, max: 9 }),
      roundFirstRight: fc.boolean(),
      revealed: fc.boolean(),
      box: fc.integer({ min: 1, max: 5 }),
      dueAt: timeArb,
      firstResponse: responseArb,
    },
    {
      requiredKeys: [
        'hash',
        'response',
        'correct',
        'score',
        'attempts',
        'firstAt',
        'lastAt',
        'firstTryRight',
        'roundAt',
        'roundAttempts',
        'roundFirstRight',
        'revealed',
      ],
    },
  )
  .map((a) => {
    // Sorted into a valid record: firstAt ≤ roundAt ≤ lastAt, roundAttempts ≤ attempts, revealed only when the
    // round's first try was wrong; a first response only once there are two attempts (before, it is the
    // response), as the code writes them.
    const [firstAt, roundAt, lastAt] = [a.firstAt, a.roundAt, a.lastAt].sort((x, y) => x - y);
    const { firstResponse, ...rest } = a;
    return viaJson({
      ...rest,
      ...(a.attempts > 1 && firstResponse !== null && firstResponse !== undefined && { firstResponse }),
      firstAt,
      roundAt,
      lastAt,
      roundAttempts: Math.min(a.roundAttempts, a.attempts),
      revealed: a.revealed && !a.roundFirstRight,
    });
  });

export const lessonArb: fc.Arbitrary<LessonProgress> = fc
  .record(
    { openedAt: timeArb, readAt: timeArb, bestScore: fc.double({ min: 0, max: 1, noNaN: true }), bestScoreAt: timeArb },
    { requiredKeys: [] },
  )
  .map(viaJson);

export const progressArb: fc.Arbitrary<Progress> = fc
  .record(
    {
      updatedAt: timeArb,
      resetAt: timeArb,
      lessons: fc.dictionary(lessonIdArb, lessonArb, { maxKeys: 4, noNullPrototype: true }),
      answers: fc.dictionary(answerKeyArb, answerArb, { maxKeys: 8, noNullPrototype: true }),
    },
    { requiredKeys: ['updatedAt', 'lessons', 'answers'] },
  )
  .map((p) => viaJson({ version: 2, ...p }) as Progress);
