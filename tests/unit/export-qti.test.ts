// @vitest-environment jsdom
// jsdom's DOMParser is a real XML parser: a file that is not well-formed yields a <parsererror>.
import { unzipSync, strFromU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { assessmentPath, itemIdent, QTI_NS, toQtiFiles, toQtiZip } from '../../src/export/qti';
import { answersMatch } from '../../src/quiz/normalize';
import { el, escapeXml, xmlDocument } from '../../src/export/xml';
import type { Question } from '../../src/schemas/question';
import { course, exportable, NASTY, nastyQuestions, quizzes } from './export-fixtures';

const parseXml = (xml: string, name: string): Document => {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`${name} is not well-formed XML: ${error.textContent}`);
  return doc;
};
/** mattext holds HTML (escaped once more for XML): its text is what the student reads. */
const htmlText = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
const children = (node: Element, name: string) => [...node.children].filter((c) => c.localName === name);
const all = (node: Document | Element, name: string) => [...node.getElementsByTagNameNS('*', name)];

const { files, skipped } = toQtiFiles(course);
const docs = new Map(
  Object.entries(files)
    .filter(([path]) => path.endsWith('.xml'))
    .map(([path, xml]) => [path, parseXml(xml, path)]),
);
const items = new Map(
  [...docs.values()].flatMap((doc) => all(doc, 'item')).map((item) => [item.getAttribute('ident')!, item] as const),
);
const questionOf = (id: string) => nastyQuestions.find((q) => q.id === id)!;
const itemOf = (id: string) => {
  const quiz = quizzes.find((z) => z.questions.some((q) => q.id === id))!;
  const item = items.get(itemIdent(quiz, id));
  if (!item) throw new Error(`no item for ${id}`);
  return item;
};
const metadata = (item: Element) =>
  Object.fromEntries(
    all(item, 'qtimetadatafield').map((f) => [
      all(f, 'fieldlabel')[0]!.textContent,
      all(f, 'fieldentry')[0]!.textContent,
    ]),
  );
const labelText = (item: Element) =>
  new Map(
    all(item, 'response_label').map((label) => [
      label.getAttribute('ident')!,
      htmlText(all(label, 'mattext')[0]?.textContent ?? ''),
    ]),
  );

/** The responses that set SCORE to 100, read from resprocessing (each respcondition is one way to be right). */
function fullMarks(item: Element): string[][] {
  return all(item, 'respcondition')
    .filter((c) => children(c, 'setvar').some((s) => s.getAttribute('action') === 'Set' && s.textContent === '100'))
    .map((c) =>
      all(c, 'varequal')
        .filter((v) => v.parentElement?.localName !== 'not')
        .map((v) => v.textContent!),
    );
}

describe('QTI package', () => {
  test('the XML helper escapes text and attributes and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0001`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    const doc = parseXml(xmlDocument(el('root', { title: NASTY }, el('child', {}, NASTY), 'tail')), 'helper');
    expect(doc.documentElement.getAttribute('title')).toBe(NASTY);
    expect(doc.documentElement.textContent).toBe(`${NASTY}tail`);
  });

  test('every file is well-formed XML and the manifest lists one QTI resource per quiz, each file present', () => {
    expect(Object.keys(files).sort()).toEqual(['README.txt', 'imsmanifest.xml', ...quizzes.map(assessmentPath)].sort());
    const manifest = docs.get('imsmanifest.xml')!;
    const resources = all(manifest, 'resource');
    expect(resources.map((r) => r.getAttribute('type'))).toEqual(quizzes.map(() => 'imsqti_xmlv1p2'));
    expect(resources.map((r) => all(r, 'file')[0]!.getAttribute('href'))).toEqual(quizzes.map(assessmentPath));
    for (const path of quizzes.map(assessmentPath))
      expect(all(docs.get(path)!, 'questestinterop')[0]!.namespaceURI).toBe(QTI_NS);
  });

  test('one item per exported question, with Canvas question types', () => {
    expect([...items.keys()].sort()).toEqual(
      exportable
        .map((q) =>
          itemIdent(
            quizzes.find((z) => z.questions.some((x) => x.id === q.id))!,
            q.id,
          ),
        )
        .sort(),
    );
    const expected: Partial<Record<Question['type'], string>> = {
      single: 'multiple_choice_question',
      truefalse: 'true_false_question',
      multiple: 'multiple_answers_question',
      matching: 'matching_question',
      numeric: 'numerical_question',
      text: 'short_answer_question',
      evidence: 'multiple_choice_question',
      // Several reports may say it: multiple answers, one choice per report and "None of them".
      attribution: 'multiple_answers_question',
    };
    for (const q of exportable) expect(metadata(itemOf(q.id)).question_type, q.id).toBe(expected[q.type]);
  });

  test('question text and choices survive escaping', () => {
    const single = itemOf('nasty-single');
    expect(htmlText(all(all(single, 'presentation')[0]!, 'mattext')[0]!.textContent!)).toBe(
      questionOf('nasty-single').prompt,
    );
    expect([...labelText(single).values()]).toEqual(
      (questionOf('nasty-single') as Extract<Question, { type: 'single' }>).options.map((o) => o.text),
    );
  });

  test('single, attribution and evidence: the right choice(s) score 100', () => {
    const single = itemOf('nasty-single');
    expect(fullMarks(single).map((r) => r.map((id) => labelText(single).get(id)))).toEqual([[`Right {1} = ${NASTY}`]]);
    const attribution = itemOf('nasty-attribution');
    expect(fullMarks(attribution).map((r) => r.map((id) => labelText(attribution).get(id)))).toEqual([
      ['Report B says it'],
    ]);
    const evidence = itemOf('nasty-evidence');
    const right = fullMarks(evidence).map((r) => r.map((id) => labelText(evidence).get(id)!.split(':')[0]));
    expect(right).toEqual([['Paragraph 1'], ['Paragraph 3']]);
  });

  test('true/false: the right value scores 100', () => {
    for (const id of ['nasty-tf', 'nasty-tf-false']) {
      const item = itemOf(id);
      const answer = (questionOf(id) as Extract<Question, { type: 'truefalse' }>).answer;
      expect(fullMarks(item).map((r) => r.map((ident) => labelText(item).get(ident)))).toEqual([
        [answer ? 'True' : 'False'],
      ]);
    }
  });

  test('multiple answers: full marks need every right option and no wrong one', () => {
    const item = itemOf('nasty-multiple');
    const q = questionOf('nasty-multiple') as Extract<Question, { type: 'multiple' }>;
    const labels = labelText(item);
    expect(all(item, 'response_lid')[0]!.getAttribute('rcardinality')).toBe('Multiple');
    expect(fullMarks(item).map((r) => r.map((id) => labels.get(id)))).toEqual([
      q.options.filter((o) => o.correct).map((o) => o.text),
    ]);
    const excluded = all(item, 'not').map((n) => labels.get(all(n, 'varequal')[0]!.textContent!));
    expect(excluded).toEqual(q.options.filter((o) => !o.correct).map((o) => o.text));
  });

  test('matching: each left entry scores its share for its partner', () => {
    const item = itemOf('nasty-matching');
    const labels = labelText(item);
    const lefts = new Map(
      all(item, 'response_lid').map((lid) => [
        lid.getAttribute('ident')!,
        htmlText(all(children(lid, 'material')[0]!, 'mattext')[0]!.textContent!),
      ]),
    );
    const pairs = all(item, 'respcondition')
      .filter((c) => children(c, 'setvar').some((s) => s.getAttribute('action') === 'Add'))
      .map((c) => {
        const v = all(c, 'varequal')[0]!;
        return {
          left: lefts.get(v.getAttribute('respident')!),
          right: labels.get(v.textContent!),
          share: Number(children(c, 'setvar')[0]!.textContent),
        };
      });
    expect(pairs).toEqual([
      { left: `Left = 1 ${NASTY}`, right: `Right {2} ${NASTY}`, share: 33.333 },
      { left: 'Left ~ 2', right: 'Right \\3', share: 33.333 },
      { left: 'Left: 3', right: 'Right #1', share: 33.333 },
    ]);
  });

  test('numeric: the exact answer, or anything within the tolerance', () => {
    const item = itemOf('nasty-numeric');
    const conditions = all(item, 'respcondition').find((c) => all(c, 'or').length)!;
    expect(all(conditions, 'varequal')[0]!.textContent).toBe('2.5');
    expect(all(conditions, 'vargte')[0]!.textContent).toBe('2');
    expect(all(conditions, 'varlte')[0]!.textContent).toBe('3');
  });

  test('short answer: every accepted answer, then each spelling the course accepts', () => {
    const accept = [`KH = ${NASTY}`, 'K:H', '{Kataib}'];
    const [answers] = fullMarks(itemOf('nasty-text'));
    expect(answers!.slice(0, 3)).toEqual(accept);
    for (const a of answers!)
      expect(
        accept.some((x) => answersMatch(a, x)),
        a,
      ).toBe(true);
    expect(answers).toContain('the K:H');
  });

  test('general feedback carries the explanation and the evidence as a link', () => {
    const feedback = all(itemOf('nasty-single'), 'itemfeedback').find((f) => f.getAttribute('ident') === 'general_fb')!;
    const html = all(feedback, 'mattext')[0]!.textContent!;
    expect(htmlText(html)).toBe(`Because ${NASTY} Evidence: Report A, paragraph 2`);
    const link = new DOMParser().parseFromString(html, 'text/html').querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://course.test/reports/report-a/#p2');
  });

  test('ordering is skipped, and the manifest and README say so', () => {
    expect(skipped.map((s) => [s.id, s.type])).toEqual([['nasty-ordering', 'ordering']]);
    expect(all(docs.get('imsmanifest.xml')!, 'description')[0]!.textContent).toContain('ordering "nasty-ordering"');
    expect(files['README.txt']).toContain('ordering "nasty-ordering"');
  });

  test('the zip unzips to the same files', () => {
    const { zip } = toQtiZip(course);
    const unzipped = unzipSync(zip);
    expect(Object.keys(unzipped).sort()).toEqual(Object.keys(files).sort());
    for (const [path, bytes] of Object.entries(unzipped)) expect(strFromU8(bytes), path).toBe(files[path]);
    expect(toQtiZip(course).zip).toEqual(zip);
  });
});

// Rules read from Canvas's importer (gems/plugins/qti_exporter in instructure/canvas-lms), checked on the files.
describe('QTI package: what Canvas’s importer reads from it', () => {
  const canvasTakesAsQuestionFeedback = /general_|_all|wrong|incorrect|correct|solution|(_IC$)|(_C$)/i;
  const firstDigits = (ident: string) => Number(/(\d+)/.exec(ident)?.[1]);

  test('matching: the first run of digits in each option ident is that option’s own number', () => {
    const matching = [...items.values()].filter((item) => metadata(item).question_type === 'matching_question');
    expect(matching.length).toBeGreaterThan(0);
    for (const item of matching) {
      for (const lid of all(item, 'response_lid')) {
        const idents = all(lid, 'response_label').map((l) => l.getAttribute('ident')!);
        expect(idents.map(firstDigits)).toEqual(idents.map((_, i) => i + 1));
      }
      // Scoring names options by the same idents, so each left entry still points at its own partner.
      const scored = all(item, 'varequal').map((v) => firstDigits(v.textContent!));
      expect(new Set(scored).size).toBe(scored.length);
    }
  });

  test('per-choice feedback idents are neutral, so Canvas keeps each with its choice', () => {
    let checked = 0;
    for (const item of items.values()) {
      for (const fb of all(item, 'itemfeedback')) {
        const ident = fb.getAttribute('ident')!;
        if (ident === 'general_fb') continue;
        checked++;
        expect(ident).not.toMatch(canvasTakesAsQuestionFeedback);
        // …and a response points at it.
        expect(all(item, 'displayfeedback').some((d) => d.getAttribute('linkrefid') === ident)).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(3);
  });

  test('a choice whose id says "wrong" keeps its feedback under a neutral ident', () => {
    const q = nastyQuestions.find((x) => x.id === 'nasty-single')!;
    const wrongNamed: Question = { ...(q as Extract<Question, { type: 'single' }>) };
    (wrongNamed as Extract<Question, { type: 'single' }>).options = [
      { id: 'why-wrong', text: 'A', feedback: 'Feedback for A' },
      { id: 'correct-one', text: 'B', correct: true, feedback: 'Feedback for B' },
    ];
    const one = toQtiFiles({
      ...course,
      lessons: [{ ...course.lessons[0]!, quizzes: [{ id: 'q', title: 'q', questions: [wrongNamed] }] }],
    });
    const doc = parseXml(one.files[assessmentPath({ id: 'q' })]!, 'one');
    const idents = all(doc, 'itemfeedback').map((f) => f.getAttribute('ident')!);
    expect(idents.filter((i) => i !== 'general_fb')).toHaveLength(2);
    for (const ident of idents.filter((i) => i !== 'general_fb'))
      expect(ident).not.toMatch(canvasTakesAsQuestionFeedback);
  });

  test('feedback is HTML with more than a bare text node, so Canvas stores & < > as characters, not entities', () => {
    for (const item of items.values()) {
      for (const fb of all(item, 'itemfeedback')) {
        const html = all(fb, 'mattext')[0]!.textContent!;
        const p = new DOMParser().parseFromString(html, 'text/html').body.firstElementChild!;
        expect(p.localName).toBe('p');
        // Canvas unwraps a lone <p>, <div> or <span> that has no attributes; a span with lang stays.
        expect(p.querySelector('span[lang]')).not.toBeNull();
      }
    }
    const single = all(itemOf('nasty-single'), 'itemfeedback').find((f) => f.getAttribute('ident') !== 'general_fb')!;
    expect(htmlText(all(single, 'mattext')[0]!.textContent!)).toBe(`Yes: ${NASTY}`);
  });

  test('numeric prompts ask for a number only', () => {
    const text = htmlText(all(all(itemOf('nasty-numeric'), 'presentation')[0]!, 'mattext')[0]!.textContent!);
    expect(text).toBe(`How many: ${NASTY}? (a number only, in km {approx})`);
  });

  test('the manifest’s title and description are IMS MD 1.2 langstrings', () => {
    const manifest = docs.get('imsmanifest.xml')!;
    for (const name of ['title', 'description']) {
      const node = all(manifest, name)[0]!;
      const strings = children(node, 'langstring');
      expect(strings, name).toHaveLength(1);
      expect(strings[0]!.namespaceURI).toBe('http://www.imsglobal.org/xsd/imsmd_v1p2');
    }
    expect(children(all(manifest, 'title')[0]!, 'langstring')[0]!.textContent).toBe('Test / Course');
  });
});
