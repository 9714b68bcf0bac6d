/**
 * Where each kind of content file is explained in the instructor guide (/instructors/), so that a problem's Fix line
 * can point at the guide's words rather than at the code. The guide page builds its section ids from this list.
 */
export interface GuideSection {
  /** Section id on /instructors/. */
  id: string;
  /** The file (or folder of files) it describes. */
  file: string;
  title: string;
}

export const guideSections = [
  { id: 'file-course', file: 'content/course.yaml', title: 'The course file' },
  { id: 'file-sources', file: 'content/sources/<id>.yaml', title: 'A report' },
  { id: 'file-annotations', file: 'content/annotations/<report id>.yaml', title: 'Notes on a report' },
  { id: 'file-topics', file: 'content/topics/<id>.mdx', title: 'A background topic' },
  { id: 'file-lessons', file: 'content/lessons/<id>.mdx', title: 'A lesson' },
  { id: 'file-quizzes', file: 'content/quizzes/<id>.yaml', title: 'A checkpoint quiz' },
  { id: 'file-glossary', file: 'content/glossary.yaml', title: 'The glossary' },
  { id: 'file-timeline', file: 'content/timeline.yaml', title: 'The timeline' },
  { id: 'file-places', file: 'content/places.yaml', title: 'The places on the map' },
  { id: 'file-references', file: 'content/references.yaml', title: 'The references' },
] as const satisfies readonly GuideSection[];

export type GuideId = (typeof guideSections)[number]['id'];

/** "/instructors/#file-quizzes" for content/quizzes/x.yaml; the guide's start for anything else. */
export function guideLink(file: string): string {
  // The record of published question ids is explained with the check itself.
  if (file === 'content/.question-ids.json') return '/instructors/#validation';
  const match = /^content\/([a-z-]+)(?:\/|\.yaml$)/.exec(file);
  const id = match && guideSections.find((s) => s.id === `file-${match[1]}`)?.id;
  return id ? `/instructors/#${id}` : '/instructors/';
}

/** Appended to a fix: where the guide explains this file, with a skeleton to copy. */
export const seeGuide = (file: string) => `(the guide: ${guideLink(file)})`;

/** Every fix ends with the guide section for its file, so an instructor can read the rule in full. */
export function withGuide<T extends { file: string; fix: string }>(problem: T): T {
  return problem.fix.includes('/instructors/')
    ? problem
    : { ...problem, fix: `${problem.fix} ${seeGuide(problem.file)}` };
}
