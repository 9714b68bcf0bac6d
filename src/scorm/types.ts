import type { QuestionType } from '../schemas/question';

/** What a SCORM package's runtime knows about its content, written into each page of the package at build time. */
export interface PackageQuestion {
  lesson: string;
  id: string;
  /** questionHash() of the question as packaged: a restored answer is to this version of it. */
  hash: string;
  type: QuestionType;
  /** Option, item or paragraph-free ids, in the question's own order: suspend_data stores positions in here. */
  ids?: string[];
  /** Matching only: left ids, then right ids. */
  left?: string[];
  right?: string[];
}

export type ScormVersion = '1.2' | '2004';

export interface PackageConfig {
  version: ScormVersion;
  title: string;
  /** Lessons the package holds, in order: each must be read to the end for completion. */
  lessons: string[];
  questions: PackageQuestion[];
  /** Share of questions right first time (0..1) needed to pass, from content/scorm.yaml. */
  masteryScore: number;
}
