/**
 * Questions laid out for paper: the worksheet (what a student sees, nothing that gives an answer away)
 * and the answer key (the right answers, keyed to the worksheet's letters). Options are shuffled with a
 * seed, the same on every build, because authors often write the right option first.
 */
import type { Question } from '../schemas/question';
import { initialOrder, rightColumnOrder, seededShuffle } from '../quiz/shuffle';
import { evidenceLink, absoluteUrl, type EvidenceLink } from './evidence';
import { attributionOptions } from '../quiz/attribution';
import { reportHref } from '../lib/urls';
import type { ExportCourse } from './types';

export const letter = (index: number) => String.fromCharCode(65 + index);

export interface Lettered {
  letter: string;
  text: string;
}

export type WorksheetBody =
  | { kind: 'choice'; multiple: boolean; options: Lettered[] }
  | { kind: 'ordering'; items: Lettered[] }
  | { kind: 'matching'; left: Lettered[]; right: Lettered[] }
  | { kind: 'line'; unit?: string }
  | { kind: 'evidence'; claim: string; report: { label: string; href: string; url: string } };

export interface WorksheetQuestion {
  id: string;
  type: Question['type'];
  prompt: string;
  /** A statement or claim set apart under the prompt (attribution). */
  quote?: string;
  /** What to do on paper, e.g. "Tick one box." */
  instruction: string;
  body: WorksheetBody;
}

export interface AnswerKeyEntry {
  id: string;
  type: Question['type'];
  prompt: string;
  /** The right answer(s), one line each, using the worksheet's letters. */
  answer: string[];
  explanation: string;
  evidence: EvidenceLink;
}

type Course = Pick<ExportCourse, 'siteUrl' | 'sources' | 'names'>;

function choiceOrder(question: Question, course?: Course): { id: string; text: string; correct: boolean }[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return seededShuffle(question.options, `${question.id}:paper`).map((o) => ({
        id: o.id,
        text: o.text,
        correct: !!o.correct,
      }));
    case 'truefalse':
      return [true, false].map((v) => ({ id: String(v), text: v ? 'True' : 'False', correct: v === question.answer }));
    case 'attribution':
      return attributionOptions(question, course?.sources ?? []);
    default:
      return [];
  }
}

const lettered = (texts: readonly string[]): Lettered[] => texts.map((text, i) => ({ letter: letter(i), text }));
/** The left column of a matching question is numbered, so its labels never look like the right column's letters. */
const numbered = (texts: readonly string[]): Lettered[] => texts.map((text, i) => ({ letter: String(i + 1), text }));

function orderingItems(question: Extract<Question, { type: 'ordering' }>) {
  return initialOrder(question).map((id) => question.items.find((item) => item.id === id)!);
}

function matchingRight(question: Extract<Question, { type: 'matching' }>) {
  return rightColumnOrder(question).map((id) => question.right.find((r) => r.id === id)!);
}

export function worksheetQuestion(question: Question, course: Course): WorksheetQuestion {
  const base = { id: question.id, type: question.type, prompt: question.prompt };
  switch (question.type) {
    case 'single':
    case 'truefalse':
      return {
        ...base,
        instruction: 'Tick one box.',
        body: { kind: 'choice', multiple: false, options: lettered(choiceOrder(question).map((o) => o.text)) },
      };
    case 'attribution':
      return {
        ...base,
        quote: question.statement,
        instruction: 'Tick every report that says it, or “None of them”.',
        body: { kind: 'choice', multiple: true, options: lettered(choiceOrder(question, course).map((o) => o.text)) },
      };
    case 'multiple':
      return {
        ...base,
        instruction: 'Tick every box that applies.',
        body: { kind: 'choice', multiple: true, options: lettered(choiceOrder(question).map((o) => o.text)) },
      };
    case 'ordering':
      return {
        ...base,
        instruction: 'Number them in order, starting from 1.',
        body: { kind: 'ordering', items: lettered(orderingItems(question).map((i) => i.text)) },
      };
    case 'matching':
      return {
        ...base,
        instruction: 'Write the letter of the matching entry on each line.',
        body: {
          kind: 'matching',
          left: numbered(question.left.map((l) => l.text)),
          right: lettered(matchingRight(question).map((r) => r.text)),
        },
      };
    case 'numeric':
      return { ...base, instruction: 'Write a number.', body: { kind: 'line', unit: question.unit } };
    case 'text':
      return { ...base, instruction: 'Write your answer.', body: { kind: 'line' } };
    case 'evidence': {
      const source = course.sources.find((s) => s.id === question.source);
      const label = source?.label ?? question.source;
      return {
        ...base,
        instruction: `Find the paragraph of ${label} that supports the claim and write its number.`,
        body: {
          kind: 'evidence',
          claim: question.claim,
          report: {
            label,
            href: reportHref(question.source),
            url: absoluteUrl(course.siteUrl, reportHref(question.source)),
          },
        },
      };
    }
  }
}

function orList(items: readonly (string | number)[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

function rightAnswer(question: Question, course: Course): string[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
    case 'truefalse':
    case 'attribution':
      return choiceOrder(question, course).flatMap((o, i) => (o.correct ? [`${letter(i)}. ${o.text}`] : []));
    case 'ordering': {
      const shown = orderingItems(question);
      return question.items.map((item, i) => `${i + 1}. ${letter(shown.indexOf(item))}. ${item.text}`);
    }
    case 'matching': {
      const right = matchingRight(question);
      return question.left.map((left, i) => {
        const partner = right.findIndex((r) => r.id === question.pairs[left.id]);
        return `${i + 1}. ${left.text} → ${letter(partner)}. ${right[partner]?.text ?? ''}`;
      });
    }
    case 'numeric': {
      const unit = question.unit ? ` ${question.unit}` : '';
      const range =
        question.tolerance === 0
          ? 'accept this number only'
          : `accept ${question.answer - question.tolerance} to ${question.answer + question.tolerance}`;
      return [`${question.answer}${unit} (${range})`];
    }
    case 'text':
      return [
        question.accept[0]!,
        ...(question.accept.length > 1 ? [`Also accepted: ${question.accept.slice(1).join('; ')}`] : []),
      ];
    case 'evidence': {
      const label = course.sources.find((s) => s.id === question.source)?.label ?? question.source;
      const many = question.paragraphs.length > 1;
      return [`${many ? 'Any of paragraphs' : 'Paragraph'} ${orList(question.paragraphs)} of ${label}`];
    }
  }
}

export function answerKeyEntry(question: Question, course: Course): AnswerKeyEntry {
  return {
    id: question.id,
    type: question.type,
    prompt: question.prompt,
    answer: rightAnswer(question, course),
    explanation: question.explanation,
    evidence: evidenceLink(question.evidence, course),
  };
}
