import { findQuizTags } from './quiz-tags';

/** One line of a lesson's "In this lesson" contents: a section heading or a checkpoint, in reading order. */
export type OutlineItem =
  | { kind: 'section'; id: string; text: string }
  /** `position` counts checkpoints from 1: the page's CSS finds each checkpoint's status by its position. */
  | { kind: 'checkpoint'; id: string; text: string; position: number };

interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/**
 * The lesson's second-level headings and <Quiz id="…" /> checkpoints, in the order they occur in its MDX body.
 * Headings come from Astro's render() (which knows their slugs); their places in the body are found by matching
 * its `## ` lines outside code one for one, and checkpoints by the same finder the content check uses.
 */
export function lessonOutline(
  body: string,
  headings: readonly Heading[],
  quizTitles: ReadonlyMap<string, string>,
  quizAnchor: (quizId: string) => string,
): OutlineItem[] {
  const sections = headings.filter((heading) => heading.depth === 2);
  const placed: Array<{ line: number; item: Omit<OutlineItem, 'position'> & { position?: number } }> = [];
  let fence = false;
  let next = 0;
  body.split(/\r?\n/).forEach((text, line) => {
    if (/^\s*(```|~~~)/.test(text)) fence = !fence;
    const heading = !fence && /^##\s/.test(text) ? sections[next++] : undefined;
    if (heading) placed.push({ line, item: { kind: 'section', id: heading.slug, text: heading.text } });
  });
  for (const tag of findQuizTags(body, 0)) {
    if (tag.id === undefined) continue;
    placed.push({
      line: tag.line,
      item: { kind: 'checkpoint', id: quizAnchor(tag.id), text: quizTitles.get(tag.id) ?? tag.id },
    });
  }
  let position = 0;
  return placed
    .sort((a, b) => a.line - b.line)
    .map(({ item }) =>
      item.kind === 'checkpoint'
        ? { kind: 'checkpoint', id: item.id, text: item.text, position: ++position }
        : { kind: 'section', id: item.id, text: item.text },
    );
}
