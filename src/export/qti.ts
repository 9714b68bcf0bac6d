/**
 * A QTI 1.2 package in the dialect Canvas imports (Settings → Import course content → "QTI .zip file"):
 * imsmanifest.xml, one assessment per checkpoint quiz, one <item> per question, Canvas's question_type
 * metadata and resprocessing that scores the right responses. Ordering questions have no Canvas Classic
 * Quizzes equivalent: they are listed in the manifest's description and in README.txt.
 */
import { strToU8, zipSync } from 'fflate';
import type { Quiz } from '../schemas/question';
import { isLocalSite, UNSET_SITE_NOTICE } from '../lib/site';
import { escapeHtml, htmlFeedback, present, type Body, type Choice, type Feedback, type LmsQuestion } from './present';
import type { ExportCourse, ExportLesson, Skipped } from './types';
import { el, xmlDocument, type Xml, type XmlChild } from './xml';

export interface QtiPackage {
  /** Path inside the zip → file text. */
  files: Record<string, string>;
  skipped: Skipped[];
}

export const QTI_NS = 'http://www.imsglobal.org/xsd/ims_qtiasiv1p2';
const MANIFEST_NS = 'http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1';
const IMSMD_NS = 'http://www.imsglobal.org/xsd/imsmd_v1p2';

/** Canvas's name for each kind of question, and the Common Cartridge profile where one exists. */
function questionType(body: Body): { canvas: string; cc?: string } {
  switch (body.kind) {
    case 'choice':
      return body.multiple
        ? { canvas: 'multiple_answers_question', cc: 'cc.multiple_response.v0p1' }
        : { canvas: 'multiple_choice_question', cc: 'cc.multiple_choice.v0p1' };
    case 'truefalse':
      return { canvas: 'true_false_question', cc: 'cc.true_false.v0p1' };
    case 'matching':
      return { canvas: 'matching_question' };
    case 'numeric':
      return { canvas: 'numerical_question' };
    case 'text':
      return { canvas: 'short_answer_question', cc: 'cc.fib.v0p1' };
  }
}

/** Canvas shows mattext as HTML; the course's text is plain, so it is HTML-escaped first (then XML-escaped). */
const material = (html: string) => el('material', {}, el('mattext', { texttype: 'text/html' }, html));
const paragraphs = (texts: readonly string[]) => texts.map((t) => `<p>${escapeHtml(t)}</p>`).join('');
const field = (label: string, entry: string) =>
  el('qtimetadatafield', {}, el('fieldlabel', {}, label), el('fieldentry', {}, entry));
const feedback = (ident: string, content: Feedback) =>
  el('itemfeedback', { ident }, el('flow_mat', {}, material(htmlFeedback(content))));
const setScore = (score: number, action = 'Set') => el('setvar', { action, varname: 'SCORE' }, String(score));
const equal = (respident: string, value: string | number) => el('varequal', { respident }, String(value));
const condition = (attrs: { continue: 'Yes' | 'No' } | Record<string, never>, test: XmlChild, ...then: XmlChild[]) =>
  el('respcondition', attrs, el('conditionvar', {}, test), ...then);
const showFeedback = (id: string) => el('displayfeedback', { feedbacktype: 'Response', linkrefid: id });

interface ItemParts {
  responses: Xml[];
  scoring: Xml[];
  /** Feedback shown for a particular response: ident of the response label → text. */
  responseFeedback: { response: string; text: string }[];
  answerIds: string[];
}

function choiceParts(ident: string, choices: readonly Choice[], multiple: boolean): ItemParts {
  const id = (c: Choice) => `${ident}__${c.id}`;
  const labels = choices.map((c) => el('response_label', { ident: id(c) }, material(escapeHtml(c.text))));
  const right = choices.filter((c) => c.correct);
  const scoring = multiple
    ? [
        condition(
          { continue: 'No' },
          el(
            'and',
            {},
            choices.map((c) => (c.correct ? equal('response1', id(c)) : el('not', {}, equal('response1', id(c))))),
          ),
          setScore(100),
        ),
      ]
    : right.map((c) => condition({ continue: 'No' }, equal('response1', id(c)), setScore(100)));
  return {
    responses: [
      el(
        'response_lid',
        { ident: 'response1', rcardinality: multiple ? 'Multiple' : 'Single' },
        el('render_choice', {}, labels),
      ),
    ],
    scoring,
    responseFeedback: choices.flatMap((c) => (c.feedback ? [{ response: id(c), text: c.feedback }] : [])),
    answerIds: choices.map(id),
  };
}

function itemParts(ident: string, body: Body): ItemParts {
  switch (body.kind) {
    case 'choice':
      return choiceParts(ident, body.choices, body.multiple);
    case 'truefalse':
      return choiceParts(
        ident,
        [true, false].map((value) => ({
          id: String(value),
          text: value ? 'True' : 'False',
          correct: value === body.answer,
          feedback: body.feedback[String(value) as 'true' | 'false'],
        })),
        false,
      );
    case 'matching': {
      // The right-hand entries are offered in alphabetical order, so their position gives nothing away.
      const rights = [...new Set(body.pairs.map((p) => p.right))].sort((a, b) => a.localeCompare(b));
      // Canvas takes a matching option's id from the first run of digits in its ident (associate_interaction.rb,
      // get_canvas_matches): "m3" is option 3. An ident with any other digits before its own number (the
      // item's "l1-…") would give every option the same id, and every answer would score as right.
      const rightId = (text: string) => matchIdent(rights.indexOf(text) + 1);
      const share = Math.round((100 / body.pairs.length) * 1000) / 1000;
      return {
        responses: body.pairs.map((pair, i) =>
          el(
            'response_lid',
            { ident: `response_${ident}__l${i + 1}` },
            material(escapeHtml(pair.left)),
            el(
              'render_choice',
              {},
              rights.map((text) => el('response_label', { ident: rightId(text) }, material(escapeHtml(text)))),
            ),
          ),
        ),
        scoring: body.pairs.map((pair, i) =>
          condition({}, equal(`response_${ident}__l${i + 1}`, rightId(pair.right)), setScore(share, 'Add')),
        ),
        responseFeedback: [],
        answerIds: rights.map(rightId),
      };
    }
    case 'numeric': {
      const low = body.answer - body.tolerance;
      const high = body.answer + body.tolerance;
      return {
        responses: [
          el(
            'response_str',
            { ident: 'response1', rcardinality: 'Single' },
            el('render_fib', { fibtype: 'Decimal' }, el('response_label', { ident: 'answer1' })),
          ),
        ],
        scoring: [
          condition(
            { continue: 'No' },
            el(
              'or',
              {},
              equal('response1', body.answer),
              el(
                'and',
                {},
                el('vargte', { respident: 'response1' }, String(low)),
                el('varlte', { respident: 'response1' }, String(high)),
              ),
            ),
            setScore(100),
          ),
        ],
        responseFeedback: [],
        answerIds: [`${ident}__answer`],
      };
    }
    case 'text':
      return {
        responses: [
          el(
            'response_str',
            { ident: 'response1', rcardinality: 'Single' },
            el('render_fib', {}, el('response_label', { ident: 'answer1', rshuffle: 'No' })),
          ),
        ],
        // Canvas's own short-answer export lists every accepted answer as a sibling varequal.
        // Canvas compares typed answers ignoring only case, so every spelling the course accepts is listed.
        scoring: [
          el(
            'respcondition',
            { continue: 'No' },
            el(
              'conditionvar',
              {},
              body.variants.map((a) => equal('response1', a)),
            ),
            setScore(100),
          ),
        ],
        responseFeedback: [],
        answerIds: body.variants.map((_, i) => `${ident}__a${i + 1}`),
      };
  }
}

/** A matching option's ident: its own number is the first digits in it (see itemParts). */
export const matchIdent = (n: number) => `m${n}`;

/**
 * Idents of per-response feedback: "fb1", "fb2"… Canvas reads a feedback whose ident contains "correct",
 * "wrong", "incorrect", "solution", "general_" or "_all", or ends in "_C"/"_IC", as feedback on the whole
 * question (assessment_item_converter.rb get_feedback_id), so idents built from option ids ("why-as-of")
 * lost their own feedback. Generated names say nothing.
 */
export const responseFeedbackIdent = (n: number) => `fb${n}`;
/** The one feedback Canvas should read as the question's own ("general_" makes it the neutral comment). */
export const GENERAL_FEEDBACK_IDENT = 'general_fb';

export function qtiItem(ident: string, question: LmsQuestion): Xml {
  const type = questionType(question.body);
  const parts = itemParts(ident, question.body);
  const responseFeedback = parts.responseFeedback.map((f, i) => ({ ...f, ident: responseFeedbackIdent(i + 1) }));
  return el(
    'item',
    { ident, title: question.id },
    el(
      'itemmetadata',
      {},
      el(
        'qtimetadata',
        {},
        field('question_type', type.canvas),
        type.cc ? field('cc_profile', type.cc) : null,
        field('points_possible', '1'),
        field('original_answer_ids', parts.answerIds.join(',')),
        field('assessment_question_identifierref', `${ident}__ref`),
      ),
    ),
    el('presentation', {}, material(paragraphs(question.text)), parts.responses),
    el(
      'resprocessing',
      {},
      el('outcomes', {}, el('decvar', { maxvalue: 100, minvalue: 0, varname: 'SCORE', vartype: 'Decimal' })),
      condition({ continue: 'Yes' }, el('other', {}), showFeedback(GENERAL_FEEDBACK_IDENT)),
      responseFeedback.map((f) =>
        condition({ continue: 'Yes' }, equal('response1', f.response), showFeedback(f.ident)),
      ),
      parts.scoring,
    ),
    feedback(GENERAL_FEEDBACK_IDENT, question.generalFeedback),
    responseFeedback.map((f) => feedback(f.ident, { text: f.text })),
  );
}

/** Assessment idents double as manifest identifiers (xsd:ID), which may not start with a digit. */
export const assessmentIdent = (quiz: Pick<Quiz, 'id'>) => `quiz-${quiz.id}`;
export const assessmentPath = (quiz: Pick<Quiz, 'id'>) => `${assessmentIdent(quiz)}/${assessmentIdent(quiz)}.xml`;
export const itemIdent = (quiz: Pick<Quiz, 'id'>, questionId: string) => `${quiz.id}__${questionId}`;

function assessment(lesson: ExportLesson, quiz: Quiz, course: ExportCourse, skipped: Skipped[]): string {
  const items = quiz.questions.flatMap((question) => {
    const presented = present(question, course);
    if (presented.ok) return [qtiItem(itemIdent(quiz, question.id), presented.question)];
    skipped.push(presented.skipped);
    return [];
  });
  return xmlDocument(
    el(
      'questestinterop',
      { xmlns: QTI_NS },
      el(
        'assessment',
        { ident: assessmentIdent(quiz), title: `Lesson ${lesson.order}: ${quiz.title}` },
        el('qtimetadata', {}, field('cc_maxattempts', 'unlimited')),
        el('section', { ident: 'root_section' }, items),
      ),
    ),
  );
}

/** "Not included (5): a, b, c (why)", one group per reason, so a long list stays readable. */
export function skippedSummary(skipped: readonly Skipped[]): string {
  if (skipped.length === 0) return 'Every question is included.';
  const byReason = new Map<string, string[]>();
  for (const s of skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), `${s.type} "${s.id}"`]);
  const groups = [...byReason].map(([reason, ids]) => `${ids.join(', ')} (${reason})`);
  return `Not included (${skipped.length}): ${groups.join('; ')}.`;
}

export function toQtiFiles(course: ExportCourse, lessons: readonly ExportLesson[] = course.lessons): QtiPackage {
  const skipped: Skipped[] = [];
  const files: Record<string, string> = {};
  const quizzes = lessons.flatMap((lesson) => lesson.quizzes.map((quiz) => ({ lesson, quiz })));
  for (const { lesson, quiz } of quizzes) files[assessmentPath(quiz)] = assessment(lesson, quiz, course, skipped);

  const title =
    lessons.length === 1 ? `${course.title}: Lesson ${lessons[0]!.order}. ${lessons[0]!.title}` : course.title;
  files['imsmanifest.xml'] = xmlDocument(
    el(
      'manifest',
      { identifier: 'course-questions', xmlns: MANIFEST_NS, 'xmlns:imsmd': IMSMD_NS },
      el(
        'metadata',
        {},
        el('schema', {}, 'IMS Content'),
        el('schemaversion', {}, '1.1.3'),
        el(
          'imsmd:lom',
          {},
          el(
            'imsmd:general',
            {},
            // IMS Metadata 1.2 holds text in <imsmd:langstring>; Canvas reads the title from there.
            el('imsmd:title', {}, el('imsmd:langstring', { 'xml:lang': 'en' }, title)),
            el('imsmd:description', {}, el('imsmd:langstring', { 'xml:lang': 'en' }, skippedSummary(skipped))),
          ),
        ),
      ),
      el('organizations', {}),
      el(
        'resources',
        {},
        quizzes.map(({ quiz }) =>
          el(
            'resource',
            { identifier: assessmentIdent(quiz), type: 'imsqti_xmlv1p2' },
            el('file', { href: assessmentPath(quiz) }),
          ),
        ),
      ),
    ),
  );
  files['README.txt'] = [
    ...(isLocalSite(course.siteUrl) ? [UNSET_SITE_NOTICE, ''] : []),
    `${title}: questions for Canvas (QTI 1.2)`,
    '',
    'In Canvas: Settings > Import course content > Content type "QTI .zip file" > choose this file.',
    'Each checkpoint quiz becomes a Canvas quiz; each question is worth 1 point.',
    `Explanations and links to the evidence on the course site (${course.siteUrl}) are the questions' general feedback.`,
    '',
    skippedSummary(skipped),
    '',
  ].join('\n');
  return { files, skipped };
}

/** Files are dated to a fixed day so that the same content always builds the same zip. */
const ZIP_DATE = new Date('2024-04-23T00:00:00Z');

export function toQtiZip(
  course: ExportCourse,
  lessons?: readonly ExportLesson[],
): { zip: Uint8Array<ArrayBuffer>; skipped: Skipped[] } {
  const { files, skipped } = toQtiFiles(course, lessons);
  const entries = Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)]));
  // fflate always allocates a plain ArrayBuffer; saying so lets the bytes be a Response body.
  return { zip: zipSync(entries, { mtime: ZIP_DATE, level: 9 }) as Uint8Array<ArrayBuffer>, skipped };
}
