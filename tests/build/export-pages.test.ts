// The exports and paper pages as built into dist/ (by `npm test`): every lesson has a worksheet and a
// separate answer key, the answer key gives every right answer, the worksheet gives none away, and the
// GIFT file and QTI zip hold every question they can carry.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { quizIdsIn } from '../../src/lib/quiz-tags';
import { answerOf } from '../../src/quiz/attribution';
import { quizSchema, type Question, type Quiz } from '../../src/schemas/question';
import { distDir, repoRoot } from '../built-site.ts';
import { parseGift } from '../unit/gift-parser';

// jsdom ships no type declarations; this is the part used here. (Its own test environment would replace
// Node's URL, which tests/built-site.ts needs.)
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html?: string) => { window: Window & typeof globalThis };
};
const { DOMParser } = new JSDOM().window;

const lessonsDir = join(repoRoot, 'content/lessons');
const quizzes = new Map(
  readdirSync(join(repoRoot, 'content/quizzes'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => {
      const quiz: Quiz = quizSchema.parse(parse(readFileSync(join(repoRoot, 'content/quizzes', f), 'utf8')));
      return [quiz.id, quiz] as const;
    }),
);
const lessons = readdirSync(lessonsDir)
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const id = f.replace(/\.mdx$/, '');
    const questions = quizIdsIn(readFileSync(join(lessonsDir, f), 'utf8')).flatMap(
      (q) => quizzes.get(q)?.questions ?? [],
    );
    return { id, questions };
  });
const allQuestions = lessons.flatMap((l) => l.questions);

const page = (path: string) => {
  const file = join(distDir, path, 'index.html');
  if (!existsSync(file)) throw new Error(`${path} was not built (no ${file})`);
  return new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html');
};

/** Words that only someone who knows the answer would write. */
function rightAnswers(q: Question): (string | RegExp)[] {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return q.options.filter((o) => o.correct).map((o) => o.text);
    case 'truefalse':
      return [q.answer ? 'True' : 'False'];
    case 'ordering':
      // "1. C. The first item", "2. A. The second item", …: the position, the worksheet's letter, the item.
      return q.items.map(
        (item, i) => new RegExp(`${i + 1}\\. [A-Z]\\. ${item.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
    case 'matching':
      return q.left.map((l) => q.right.find((r) => r.id === q.pairs[l.id])!.text);
    case 'numeric':
      return [String(q.answer)];
    case 'text':
      return [q.accept[0]!];
    case 'evidence':
      return q.paragraphs.map(String);
    case 'attribution': {
      // This course's first-form questions: a and b are its two reports, Report A and Report B.
      const says = answerOf({ ...q, reports: ['report-a', 'report-b'] });
      return says.length === 0
        ? ['None of them says it']
        : says.map((id) => `${id === 'report-a' ? 'Report A' : 'Report B'} says it`);
    }
  }
}

describe('worksheets and answer keys', () => {
  test('the course has lessons with questions to print', () => {
    expect(lessons.length).toBeGreaterThan(0);
    for (const lesson of lessons) expect(lesson.questions.length, lesson.id).toBeGreaterThan(0);
  });

  describe.each(lessons)('lesson $id', (lesson) => {
    const worksheet = page(`instructors/worksheets/${lesson.id}`);
    const key = page(`instructors/answer-keys/${lesson.id}`);

    test('both pages hold every question of the lesson, ordering included, and no script', () => {
      for (const doc of [worksheet, key]) {
        expect([...doc.querySelectorAll('li.paper-question')].map((li) => li.id)).toEqual(
          lesson.questions.map((q) => `q-${q.id}`),
        );
        expect(doc.querySelectorAll('script').length).toBe(0);
      }
    });

    test('the answer key gives every right answer, the explanation and the evidence link', () => {
      for (const q of lesson.questions) {
        const entry = key.getElementById(`q-${q.id}`)!;
        const answer = entry.querySelector('.answer')!.textContent!;
        for (const expected of rightAnswers(q)) {
          if (typeof expected === 'string') expect(answer, `${q.id}: ${expected}`).toContain(expected);
          else expect(answer, q.id).toMatch(expected);
        }
        expect(entry.textContent, q.id).toContain(q.explanation);
        expect(entry.querySelector('a.paper-url')?.getAttribute('href'), q.id).toMatch(/^\//);
      }
    });

    test("neither page is in the students' search index", () => {
      for (const doc of [worksheet, key]) expect(doc.querySelector('[data-pagefind-body]')).toBeNull();
    });

    test('the worksheet gives no answer away: no answer or correct markers, no explanations', () => {
      const marked = [...worksheet.querySelectorAll('main *')].filter((el) =>
        // The link to the answer key page is the one place the word may appear.
        [...el.attributes].some((a) => a.name !== 'href' && /correct|answer|right/i.test(`${a.name}=${a.value}`)),
      );
      expect(marked.map((el) => el.outerHTML.slice(0, 120))).toEqual([]);
      expect(worksheet.querySelector('main')!.textContent).not.toMatch(/✓|✔/);
      const text = worksheet.querySelector('main')!.textContent!;
      for (const q of lesson.questions)
        expect(text.includes(q.explanation), `${q.id} explanation on the worksheet`).toBe(false);
    });
  });
});

describe('LMS exports in dist/exports/', () => {
  const exportable = allQuestions.filter((q) => q.type !== 'ordering');

  test('the GIFT file holds every question but ordering, which is listed as skipped', () => {
    const text = readFileSync(join(distDir, 'exports/course.gift'), 'utf8');
    const gift = parseGift(text);
    expect(gift.questions.map((q) => q.title).sort()).toEqual(exportable.map((q) => q.id).sort());
    for (const q of allQuestions.filter((x) => x.type === 'ordering')) {
      expect(
        gift.comments.some((c) => c.startsWith(`skipped: ordering question "${q.id}"`)),
        q.id,
      ).toBe(true);
    }
    expect(gift.categories).toHaveLength(lessons.length);
  });

  test('the QTI zip has a manifest listing one assessment per quiz, with one item per exported question', () => {
    const files = unzipSync(readFileSync(join(distDir, 'exports/course-qti.zip')));
    const xml = (path: string) => {
      const doc = new DOMParser().parseFromString(strFromU8(files[path]!), 'application/xml');
      expect(doc.getElementsByTagName('parsererror').length, path).toBe(0);
      return doc;
    };
    const hrefs = [...xml('imsmanifest.xml').getElementsByTagNameNS('*', 'file')].map((f) => f.getAttribute('href')!);
    expect(hrefs).toHaveLength(quizzes.size);
    const items = hrefs.flatMap((href) =>
      [...xml(href).getElementsByTagNameNS('*', 'item')].map((i) => i.getAttribute('title')),
    );
    expect(items.sort()).toEqual(exportable.map((q) => q.id).sort());
  });

  test('each lesson has its own GIFT file, Moodle XML file and QTI zip', () => {
    for (const lesson of lessons) {
      expect(existsSync(join(distDir, `exports/lessons/${lesson.id}.gift`)), lesson.id).toBe(true);
      expect(existsSync(join(distDir, `exports/lessons/${lesson.id}.moodle.xml`)), lesson.id).toBe(true);
      expect(existsSync(join(distDir, `exports/lessons/${lesson.id}-qti.zip`)), lesson.id).toBe(true);
    }
  });

  test('the Moodle XML file holds every question, ordering included', () => {
    const doc = new DOMParser().parseFromString(
      readFileSync(join(distDir, 'exports/course.moodle.xml'), 'utf8'),
      'application/xml',
    );
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const questions = [...doc.querySelectorAll('quiz > question:not([type="category"])')];
    expect(questions.map((q) => q.querySelector('name > text')!.textContent).sort()).toEqual(
      allQuestions.map((q) => q.id).sort(),
    );
    expect(questions.filter((q) => q.getAttribute('type') === 'ordering')).toHaveLength(
      allQuestions.filter((q) => q.type === 'ordering').length,
    );
  });
});

// The rules Canvas's and Moodle's importers impose (see src/export/qti.ts, gift.ts), on the files as built.
describe('LMS exports: what the importers read', () => {
  const qti = unzipSync(readFileSync(join(distDir, 'exports/course-qti.zip')));
  const qtiItems = Object.entries(qti)
    .filter(([path]) => path.endsWith('.xml') && path !== 'imsmanifest.xml')
    .flatMap(([, bytes]) => [
      ...new DOMParser().parseFromString(strFromU8(bytes), 'application/xml').getElementsByTagNameNS('*', 'item'),
    ]);
  const gift = parseGift(readFileSync(join(distDir, 'exports/course.gift'), 'utf8'));
  const giftAnswers = gift.questions.flatMap((q) => (q.type === 'shortanswer' ? q.answers.map((a) => a.text) : []));
  const qtiAnswers = qtiItems
    .filter((i) => i.querySelector('fieldentry')?.textContent === 'short_answer_question')
    .flatMap((i) => [...i.getElementsByTagNameNS('*', 'varequal')].map((v) => v.textContent!));

  test('Canvas: every matching option’s first digits are its own number, distinct within its question', () => {
    const matching = qtiItems.filter((i) =>
      [...i.getElementsByTagNameNS('*', 'fieldentry')].some((f) => f.textContent === 'matching_question'),
    );
    expect(matching).toHaveLength(allQuestions.filter((q) => q.type === 'matching').length);
    for (const item of matching) {
      for (const lid of item.getElementsByTagNameNS('*', 'response_lid')) {
        const ids = [...lid.getElementsByTagNameNS('*', 'response_label')].map((l) =>
          Number(/(\d+)/.exec(l.getAttribute('ident')!)?.[1]),
        );
        expect(ids, item.getAttribute('title')!).toEqual(ids.map((_, i) => i + 1));
      }
    }
  });

  test('Canvas: no per-choice feedback ident reads as question-level feedback', () => {
    const idents = qtiItems.flatMap((i) =>
      [...i.getElementsByTagNameNS('*', 'itemfeedback')].map((f) => f.getAttribute('ident')!),
    );
    const perChoice = idents.filter((i) => i !== 'general_fb');
    expect(perChoice.length).toBeGreaterThan(10);
    for (const ident of perChoice)
      expect(ident).not.toMatch(/general_|_all|wrong|incorrect|correct|solution|_IC$|_C$/i);
  });

  test.each([['Kata’ib Hezbollah'], ['Ain al Asad'], ['Islamic State.'], ['the Islamic State']])(
    'typed answers: "%s", which the course accepts, is a right answer in both GIFT and QTI',
    (spelling) => {
      expect(giftAnswers.map((a) => a.toLowerCase())).toContain(spelling.toLowerCase());
      expect(qtiAnswers.map((a) => a.toLowerCase())).toContain(spelling.toLowerCase());
    },
  );

  test('numeric prompts say "a number only"', () => {
    for (const q of gift.questions.filter((x) => x.type === 'numerical'))
      expect(q.text, q.title).toContain('a number only');
  });
});
