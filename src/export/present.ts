/**
 * One question in the shape both LMS formats share: choices, true/false, matching pairs, a number or
 * accepted words. Attribution and evidence become choices here, once, so GIFT and QTI agree on them.
 */
import type { Question, QuestionOf } from '../schemas/question';
import { attributionOptions } from '../quiz/attribution';
import { absoluteUrl, evidenceLink } from './evidence';
import { reportHref } from '../lib/urls';
import type { ExportCourse, ExportSource, Skipped } from './types';
import { acceptedVariants } from './variants';

export interface Choice {
  id: string;
  text: string;
  correct: boolean;
  feedback?: string;
}

export type Body =
  /** `multiple`: any number of right choices, each wrong pick cancels a right one; otherwise pick one. */
  | { kind: 'choice'; multiple: boolean; choices: Choice[] }
  | { kind: 'truefalse'; answer: boolean; feedback: { true?: string; false?: string } }
  | { kind: 'matching'; pairs: { left: string; right: string }[] }
  | { kind: 'numeric'; answer: number; tolerance: number }
  /** `accept`: the authors' answers; `variants`: those and every spelling of them the course accepts. */
  | { kind: 'text'; accept: string[]; variants: string[] };

/** Feedback shown once the student has answered: the explanation, then a link to where the evidence is. */
export interface Feedback {
  text: string;
  link?: { label: string; url: string };
}

export interface LmsQuestion {
  id: string;
  type: Question['type'];
  /** Paragraphs of the question as a student reads it: the prompt, then any claim or statement. */
  text: string[];
  /** The explanation, then where the evidence is: shown once the student has answered. */
  generalFeedback: Feedback;
  body: Body;
}

export type Presented = { ok: true; question: LmsQuestion } | { ok: false; skipped: Skipped };

/** How many words of a paragraph name it in a list of choices. */
const OPENING_WORDS = 8;

/** "A fire destroyed a warehouse on the Port…": enough to recognise a paragraph. */
export function openingWords(paragraph: string, count = OPENING_WORDS): string {
  const words = paragraph.trim().split(/\s+/);
  return words.length <= count ? words.join(' ') : `${words.slice(0, count).join(' ')}…`;
}

export const SKIP_ORDERING =
  'ordering questions have no equivalent in this format; set them by hand or use the printable worksheet';

export function present(question: Question, course: Pick<ExportCourse, 'siteUrl' | 'sources' | 'names'>): Presented {
  const evidence = evidenceLink(question.evidence, course);
  const generalFeedback: Feedback = {
    text: question.explanation,
    link: { label: evidence.label, url: evidence.url },
  };
  const base = { id: question.id, type: question.type, text: [question.prompt], generalFeedback };
  const ok = (extra: Partial<LmsQuestion> & { body: Body }): Presented => ({
    ok: true,
    question: { ...base, ...extra },
  });

  switch (question.type) {
    case 'single':
    case 'multiple':
      return ok({
        body: {
          kind: 'choice',
          multiple: question.type === 'multiple',
          choices: question.options.map((o) => ({
            id: o.id,
            text: o.text,
            correct: !!o.correct,
            feedback: o.feedback,
          })),
        },
      });
    case 'truefalse':
      return ok({ body: { kind: 'truefalse', answer: question.answer, feedback: { ...question.feedback } } });
    case 'matching':
      return ok({ body: { kind: 'matching', pairs: matchingPairs(question) } });
    case 'numeric':
      return ok({
        // Both LMSes refuse "5 rockets" and "2,500" where the course site reads them as 5 and 2500.
        text: [`${question.prompt} (${question.unit ? `a number only, in ${question.unit}` : 'a number only'})`],
        body: { kind: 'numeric', answer: question.answer, tolerance: question.tolerance },
      });
    case 'text':
      return ok({ body: { kind: 'text', accept: [...question.accept], variants: acceptedVariants(question.accept) } });
    case 'attribution':
      return ok({
        text: [question.prompt, `“${question.statement}”`],
        body: {
          kind: 'choice',
          multiple: true,
          choices: attributionOptions(question, course.sources).map(({ feedback, ...choice }) => ({
            ...choice,
            ...(feedback ? { feedback } : {}),
          })),
        },
      });
    case 'evidence': {
      const source = course.sources.find((s) => s.id === question.source);
      if (!source)
        return {
          ok: false,
          skipped: { id: question.id, type: question.type, reason: `its report "${question.source}" was not found` },
        };
      return ok({
        text: [
          question.prompt,
          `Claim: “${question.claim}”`,
          `Read ${source.label}: ${absoluteUrl(course.siteUrl, reportHref(source.id))}`,
        ],
        body: { kind: 'choice', multiple: false, choices: paragraphChoices(question, source) },
      });
    }
    case 'ordering':
      return { ok: false, skipped: { id: question.id, type: question.type, reason: SKIP_ORDERING } };
  }
}

export function matchingPairs(question: QuestionOf<'matching'>): { left: string; right: string }[] {
  return question.left.map((left) => ({
    left: left.text,
    right: question.right.find((r) => r.id === question.pairs[left.id])?.text ?? '',
  }));
}

/** Every paragraph of the report as a choice, "Paragraph 3: That followed five rockets…"; any supporting one is right. */
function paragraphChoices(question: QuestionOf<'evidence'>, source: ExportSource): Choice[] {
  return source.paragraphs.map((paragraph, i) => {
    const n = i + 1;
    return {
      id: `p${n}`,
      text: `Paragraph ${n}: ${openingWords(paragraph)}`,
      correct: question.paragraphs.includes(n),
      feedback: question.feedback?.[String(n)],
    };
  });
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export { escapeHtml };

/**
 * Feedback as HTML, the link a link. The text sits in a <span lang="en">: Canvas's QTI importer keeps feedback
 * as HTML only when it is more than one bare text node (html_helper.rb detect_html, which unwraps plain
 * <p>/<div>/<span>); kept as plain text, "&" and "<" are stored as "&amp;" and "&lt;" and shown that way.
 */
export function htmlFeedback(feedback: Feedback): string {
  const text = `<span lang="en">${escapeHtml(feedback.text)}</span>`;
  const link = feedback.link
    ? ` Evidence: <a href="${escapeHtml(feedback.link.url)}">${escapeHtml(feedback.link.label)}</a>`
    : '';
  return `<p>${text}${link}</p>`;
}
