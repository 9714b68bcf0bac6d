// Where a lesson's body places its checkpoints: every <Quiz id="…" /> outside code, with its line.

export interface QuizTag {
  /** The quiz id, or undefined when the tag has no literal id="…". */
  id?: string;
  line: number;
}

const quizTag = /<Quiz\b([^>]*)>/g;
const idAttribute = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)')/;

/** `bodyLine` is the line number of the body's first line in its file. */
export function findQuizTags(body: string, bodyLine: number): QuizTag[] {
  const tags: QuizTag[] = [];
  let fence: string | undefined;
  body.split(/\r?\n/).forEach((text, index) => {
    // A tag shown as an example inside a fenced code block or `inline code` places nothing.
    const marker = /^\s*(```+|~~~+)/.exec(text)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      return;
    }
    if (fence !== undefined) return;
    const outsideCode = text.replace(/`[^`]*`/g, (code) => ' '.repeat(code.length));
    for (const match of outsideCode.matchAll(quizTag)) {
      const id = idAttribute.exec(match[1]);
      tags.push({ id: id ? (id[1] ?? id[2]) : undefined, line: bodyLine + index });
    }
  });
  return tags;
}

/**
 * The quiz ids a lesson body places, in reading order, each once. The pages, the exports and the content
 * check all read placements through findQuizTags, so they always agree on what a lesson contains.
 */
export function quizIdsIn(body: string | undefined): string[] {
  const ids = findQuizTags(body ?? '', 1).flatMap((tag) => (tag.id ? [tag.id] : []));
  return [...new Set(ids)];
}
