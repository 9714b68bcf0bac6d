/**
 * Moodle XML (question bank → Import → "Moodle XML format"), written as Moodle's own importer reads it
 * (question/format/xml/format.php, and qtype_ordering's import_from_xml). It carries every question type the
 * course has, ordering included: qtype_ordering is a standard Moodle plugin since Moodle 4.4 (before that,
 * an administrator installs it from the plugins directory, or ordering questions fail to import). GIFT cannot
 * write ordering questions; this file can. Anything left out is listed in a comment at the top of the file.
 *
 * Every text is in HTML format, so the evidence link in the general feedback is a link; what Moodle compares
 * with a typed answer or lists in a matching menu is plain text, as Moodle stores it.
 */
import type { Question, QuestionOf } from '../schemas/question';
import { evidenceLink } from './evidence';
import { categoryName, moodleWeight } from './gift';
import { escapeHtml, htmlFeedback, present, type Feedback, type LmsQuestion } from './present';
import { skippedSummary } from './qti';
import type { ExportCourse, ExportLesson, Skipped } from './types';
import { el, xmlDocument, type Xml, type XmlChild } from './xml';

export interface MoodleXmlExport {
  text: string;
  skipped: Skipped[];
}

const text = (value: string | number) => el('text', {}, String(value));
const htmlField = (name: string, html: string, extra: XmlChild[] = []) =>
  el(name, { format: 'html' }, text(html), ...extra);
const paragraphs = (texts: readonly string[]) => texts.map((t) => `<p>${escapeHtml(t)}</p>`).join('');
const feedbackHtml = (feedback?: string) => (feedback ? `<p>${escapeHtml(feedback)}</p>` : '');
/** A short answer as qtype_shortanswer matches it: `*` is a wildcard there, `\*` a star. */
export const moodleShortAnswer = (answer: string) => answer.replace(/\*/g, '\\*');

function header(type: string, id: string, questionText: string[], general: Feedback): XmlChild[] {
  return [
    el('name', {}, text(id)),
    htmlField('questiontext', paragraphs(questionText)),
    htmlField('generalfeedback', htmlFeedback(general)),
    el('defaultgrade', {}, 1),
    el('penalty', {}, type === 'truefalse' ? 1 : 0.3333333),
    el('hidden', {}, 0),
  ];
}

const combinedFeedback = () => [
  htmlField('correctfeedback', ''),
  htmlField('partiallycorrectfeedback', ''),
  htmlField('incorrectfeedback', ''),
];

const answer = (fraction: number, format: string, value: string, feedback?: string, extra: XmlChild[] = []) =>
  el(
    'answer',
    { fraction, format },
    text(value),
    el('feedback', { format: 'html' }, text(feedbackHtml(feedback))),
    extra,
  );

function moodleQuestion(question: LmsQuestion): Xml {
  const { body } = question;
  const q = (type: string, ...parts: XmlChild[]) =>
    el('question', { type }, header(type, question.id, question.text, question.generalFeedback), parts);
  switch (body.kind) {
    case 'choice': {
      if (!body.multiple)
        return q(
          'multichoice',
          el('single', {}, 'true'),
          el('shuffleanswers', {}, 'true'),
          el('answernumbering', {}, 'abc'),
          combinedFeedback(),
          body.choices.map((c) => answer(c.correct ? 100 : 0, 'html', escapeHtml(c.text), c.feedback)),
        );
      // As in the GIFT export: right answers share 100%, each wrong one costs as much as a right one earns.
      const share = moodleWeight(100 / body.choices.filter((c) => c.correct).length);
      return q(
        'multichoice',
        el('single', {}, 'false'),
        el('shuffleanswers', {}, 'true'),
        el('answernumbering', {}, 'abc'),
        combinedFeedback(),
        body.choices.map((c) => answer(c.correct ? share : -share, 'html', escapeHtml(c.text), c.feedback)),
      );
    }
    case 'truefalse':
      return q(
        'truefalse',
        answer(body.answer ? 100 : 0, 'moodle_auto_format', 'true', body.feedback.true),
        answer(body.answer ? 0 : 100, 'moodle_auto_format', 'false', body.feedback.false),
      );
    case 'matching':
      return q(
        'matching',
        el('shuffleanswers', {}, 'true'),
        combinedFeedback(),
        body.pairs.map((p) =>
          el('subquestion', { format: 'html' }, text(paragraphs([p.left])), el('answer', {}, text(p.right))),
        ),
      );
    case 'numeric':
      // showunits 3: no unit is asked for; the prompt says "a number only".
      return q(
        'numerical',
        answer(100, 'moodle_auto_format', String(body.answer), undefined, [el('tolerance', {}, body.tolerance)]),
        el('unitgradingtype', {}, 0),
        el('unitpenalty', {}, '0.1000000'),
        el('showunits', {}, 3),
        el('unitsleft', {}, 0),
      );
    case 'text':
      return q(
        'shortanswer',
        el('usecase', {}, 0),
        body.variants.map((v) => answer(100, 'moodle_auto_format', moodleShortAnswer(v))),
      );
  }
}

/** An ordering question: the items in the right order (fraction is the position), graded per position as on the site. */
function orderingQuestion(question: QuestionOf<'ordering'>, course: ExportCourse): Xml {
  const evidence = evidenceLink(question.evidence, course);
  const general: Feedback = { text: question.explanation, link: { label: evidence.label, url: evidence.url } };
  return el(
    'question',
    { type: 'ordering' },
    header('ordering', question.id, [question.prompt], general),
    el('layouttype', {}, 'VERTICAL'),
    el('selecttype', {}, 'ALL'),
    el('selectcount', {}, question.items.length),
    // The course gives a share of the mark for each item in its right place.
    el('gradingtype', {}, 'ABSOLUTE_POSITION'),
    el('showgrading', {}, 'SHOW'),
    el('numberingstyle', {}, 'none'),
    combinedFeedback(),
    el('shownumcorrect', {}, 1),
    question.items.map((item, i) => el('answer', { fraction: i + 1, format: 'html' }, text(escapeHtml(item.text)))),
  );
}

function questionXml(question: Question, course: ExportCourse): Xml | Skipped {
  if (question.type === 'ordering') return orderingQuestion(question, course);
  const presented = present(question, course);
  return presented.ok ? moodleQuestion(presented.question) : presented.skipped;
}

export function toMoodleXml(course: ExportCourse, lessons: readonly ExportLesson[] = course.lessons): MoodleXmlExport {
  const skipped: Skipped[] = [];
  const questions: Xml[] = [];
  for (const lesson of lessons) {
    const category = `$course$/top/${categoryName(course.title)}/${categoryName(`Lesson ${lesson.order}. ${lesson.title}`)}`;
    questions.push(el('question', { type: 'category' }, el('category', {}, text(category))));
    for (const quiz of lesson.quizzes)
      for (const question of quiz.questions) {
        const result = questionXml(question, course);
        if ('reason' in result) skipped.push(result);
        else questions.push(result);
      }
  }
  const note = `${course.title}: questions exported from the course site (${course.siteUrl}). ${skippedSummary(skipped)}`;
  const doc = xmlDocument(el('quiz', {}, questions));
  // The comment goes after the XML declaration, which must come first; "--" cannot appear inside one.
  return { text: doc.replace('\n', `\n<!-- ${note.replace(/--/g, '- -')} -->\n`), skipped };
}
