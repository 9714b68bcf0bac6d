// Props the quiz islands receive from the server: plain data only (island props are serialised), and only
// types from src/quiz and src/progress, so nothing here pulls zod into the browser.
import type { Question } from '../../quiz';
import type { QuestionRef } from '../../progress/browser-store';

export type { QuestionRef };

/** Where the answer is shown, resolved at build time: "Report B, paragraph 5" → /reports/report-b/#p5. */
export interface EvidenceLink {
  href: string;
  label: string;
}

/** One paragraph of a report, offered as an answer to an evidence question. */
export interface ParagraphChoice {
  n: number;
  /** The paragraph's first words. */
  preview: string;
  href: string;
}

export interface QuestionProps {
  question: Question;
  /** questionHash(question), computed at build time. */
  hash: string;
  lessonId: string;
  /** Every question of the lesson, so an answer keeps the lesson's best score up to date. */
  lessonQuestions: QuestionRef[];
  evidence: EvidenceLink;
  /** Evidence questions only: the paragraphs of the report the student picks from. */
  paragraphs?: ParagraphChoice[];
  /** Ordering: the item ids as first shown. Matching: the right-hand ids in the order listed. From
   * shownOrder(question) at build time, so the shuffle never ships to the browser. */
  order?: string[];
  /** On a lesson page the first hydration notes the lesson as opened; the review page leaves it alone. */
  marksOpened?: boolean;
  /** On the review page: start blank whatever was answered before, and say where review goes next. */
  review?: boolean;
  /** "Question 2 of 5" within its quiz. */
  position?: number;
  count?: number;
}
