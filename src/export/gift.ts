/**
 * Moodle GIFT (https://docs.moodle.org/en/GIFT_format). One `$CATEGORY:` per lesson, one question per
 * block titled `::question-id::`. Text is marked `[html]` and HTML-escaped, so Moodle shows it as written and
 * the evidence link in the feedback is a link (Moodle gives every feedback its question text's format). What
 * Moodle compares with a typed answer or shows in a matching menu stays plain text: short answers and the
 * right-hand side of matching pairs. Ordering questions cannot be written in GIFT: they are listed in
 * `skipped` and left as comments; the Moodle XML export (moodle-xml.ts) carries them.
 */
import { isLocalSite, UNSET_SITE_NOTICE } from '../lib/site';
import { escapeHtml, htmlFeedback, present, type Body, type LmsQuestion } from './present';
import type { ExportCourse, ExportLesson, Skipped } from './types';

export interface GiftExport {
  text: string;
  skipped: Skipped[];
}

/** Backslash-escapes the characters GIFT reserves (~ = # { } : and \ itself); a line break becomes \n. */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (c) => `\\${c}`).replace(/\r\n?|\n/g, '\\n');
}

/** A Moodle category path segment: "/" separates levels, so a slash inside a name is doubled. */
export const categoryName = (name: string) => name.replace(/\//g, '//').replace(/\s+/g, ' ').trim();

export function toGift(course: ExportCourse, lessons: readonly ExportLesson[] = course.lessons): GiftExport {
  const blocks: string[] = [`// ${course.title}: questions exported from the course site (${course.siteUrl}).`];
  if (isLocalSite(course.siteUrl)) blocks.unshift(`// ${UNSET_SITE_NOTICE}`);
  const skipped: Skipped[] = [];
  for (const lesson of lessons) {
    blocks.push(
      `$CATEGORY: $course$/top/${categoryName(course.title)}/${categoryName(`Lesson ${lesson.order}. ${lesson.title}`)}`,
    );
    for (const quiz of lesson.quizzes) {
      for (const question of quiz.questions) {
        const presented = present(question, course);
        const result = presented.ok ? giftQuestion(presented.question) : presented.skipped;
        if (typeof result === 'string') {
          blocks.push(`// ${quiz.title}\n${result}`);
        } else {
          skipped.push(result);
          blocks.push(`// skipped: ${result.type} question "${result.id}" (${quiz.title}): ${result.reason}`);
        }
      }
    }
  }
  return { text: `${blocks.join('\n\n')}\n`, skipped };
}

/** Moodle's allowed answer grades (percent); weights must be one of these or the import refuses the question. */
const MOODLE_GRADES = [
  100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5,
];

/** The Moodle grade nearest to `percent` (exact for 1 to 10 right answers, and 20). */
export function moodleWeight(percent: number): number {
  return MOODLE_GRADES.reduce((best, grade) => (Math.abs(grade - percent) < Math.abs(best - percent) ? grade : best));
}

/** One question as GIFT, or why it cannot be written. */
export function giftQuestion(question: LmsQuestion): string | Skipped {
  const answers = giftAnswers(question.body);
  if (typeof answers !== 'string') return { id: question.id, type: question.type, reason: answers.reason };
  const text = escapeGift(question.text.map((p) => `<p>${escapeHtml(p)}</p>`).join(''));
  return `::${escapeGift(question.id)}::[html]${text} {\n${answers}\n####${escapeGift(htmlFeedback(question.generalFeedback))}\n}`;
}

/** Text Moodle shows as HTML (question text, choices, feedback), escaped for HTML and then for GIFT. */
const html = (text: string) => escapeGift(escapeHtml(text));
const withFeedback = (text: string, feedback?: string) => (feedback ? `${html(text)}#${html(feedback)}` : html(text));

/**
 * A short answer as Moodle's shortanswer compares it: `*` is its wildcard (any characters), `\*` a star
 * (qtype_shortanswer compare_string_with_wildcard). GIFT leaves `\*` as it is (it escapes only ~=#{}: and \).
 */
export const giftShortAnswer = (text: string) => escapeGift(text).replace(/\*/g, '\\*');

function giftAnswers(body: Body): string | { reason: string } {
  switch (body.kind) {
    case 'choice': {
      if (!body.multiple)
        return body.choices.map((c) => `${c.correct ? '=' : '~'}${withFeedback(c.text, c.feedback)}`).join('\n');
      // Moodle's multiple-answer form: right answers share +100%; each wrong one costs as much as a right one
      // earns, as on the course site (a student who ticks everything scores 0).
      const share = moodleWeight(100 / body.choices.filter((c) => c.correct).length);
      return body.choices.map((c) => `~%${c.correct ? share : -share}%${withFeedback(c.text, c.feedback)}`).join('\n');
    }
    case 'truefalse': {
      // GIFT puts the feedback for a wrong answer first, then for a right one.
      const right = body.feedback[String(body.answer) as 'true' | 'false'];
      const wrong = body.feedback[String(!body.answer) as 'true' | 'false'];
      const feedback = right ? `#${html(wrong ?? '')}#${html(right)}` : wrong ? `#${html(wrong)}` : '';
      return `${body.answer ? 'TRUE' : 'FALSE'}${feedback}`;
    }
    case 'matching':
      // "->" separates the two sides and cannot be escaped.
      if (body.pairs.some((p) => p.left.includes('->') || p.right.includes('->')))
        return { reason: 'a matching entry contains "->", which GIFT cannot escape' };
      // Moodle reads the left side in the question's format (HTML) and the right side as plain text.
      return body.pairs.map((p) => `=${html(p.left)} -> ${escapeGift(p.right)}`).join('\n');
    case 'numeric':
      return `#${body.answer}:${body.tolerance}`;
    case 'text':
      // Moodle ignores case only: every spelling the course accepts is an answer of its own.
      return body.variants.map((a) => `=${giftShortAnswer(a)}`).join('\n');
  }
}
