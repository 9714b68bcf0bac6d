import type { Quiz } from '../schemas/question';

/** What the exports, worksheets and answer keys need from the course, gathered once at build time. */
export interface ExportCourse {
  /** Names the Moodle category and the QTI package. */
  title: string;
  /** Absolute origin of the published site, e.g. "https://course.example"; evidence links are built on it. */
  siteUrl: string;
  lessons: ExportLesson[];
  sources: ExportSource[];
  /** Display names of what evidence may point at, by id. */
  names: EvidenceNames;
}

export interface ExportLesson {
  id: string;
  title: string;
  order: number;
  objectives: { id: string; text: string }[];
  /** In the order the lesson places them. */
  quizzes: Quiz[];
}

export interface ExportSource {
  id: string;
  /** e.g. "Report A" */
  label: string;
  title: string;
  paragraphs: string[];
}

export interface EvidenceNames {
  topic: Record<string, string>;
  term: Record<string, string>;
  event: Record<string, string>;
  place: Record<string, string>;
  /** A note is shown on its report's page: note id → source id. */
  note: Record<string, string>;
}

/** A question an export cannot carry, listed so that nothing disappears silently. */
export interface Skipped {
  id: string;
  type: string;
  reason: string;
}
