/** A stretch of a paragraph: plain text, or the words one note is anchored to. */
export interface Run {
  text: string;
  noteId?: string;
  /** The note's number as the reader sees it (1-based, in reading order). */
  number?: number;
}

/** Where a note sits in a paragraph, as character offsets [start, end). */
export interface SegmentAnchor {
  start: number;
  end: number;
  noteId: string;
  number: number;
}

/**
 * Splits a paragraph into runs so each anchored phrase can be marked up on its own.
 * Anchors may come in any order but must not overlap: a phrase belongs to one note, so overlapping
 * anchors are a content error and are reported rather than silently dropped.
 */
export function splitParagraph(text: string, anchors: readonly SegmentAnchor[]): Run[] {
  const sorted = [...anchors].sort((a, b) => a.start - b.start || a.end - b.end);
  const runs: Run[] = [];
  let cursor = 0;
  for (const anchor of sorted) {
    if (anchor.start < 0 || anchor.end > text.length || anchor.start >= anchor.end) {
      throw new RangeError(
        `note "${anchor.noteId}" has anchor [${anchor.start}, ${anchor.end}) outside its paragraph of ${text.length} characters`,
      );
    }
    if (anchor.start < cursor) {
      const previous = runs.findLast((run) => run.noteId !== undefined);
      throw new RangeError(
        `notes "${previous?.noteId}" and "${anchor.noteId}" quote overlapping words; shorten one quote so they do not overlap`,
      );
    }
    if (anchor.start > cursor) runs.push({ text: text.slice(cursor, anchor.start) });
    runs.push({ text: text.slice(anchor.start, anchor.end), noteId: anchor.noteId, number: anchor.number });
    cursor = anchor.end;
  }
  if (cursor < text.length) runs.push({ text: text.slice(cursor) });
  return runs;
}
