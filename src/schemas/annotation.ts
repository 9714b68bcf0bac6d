import { z } from 'astro/zod';
import { citesSchema, idSchema } from './common';

/**
 * Anchors a note to a report's own words, after the W3C Web Annotation TextQuoteSelector:
 * `exact` is the quoted text; `prefix`/`suffix` are the characters just before/after it, needed only
 * when the exact text occurs more than once.
 */
export const textQuoteSchema = z.object({
  exact: z.string().min(1),
  prefix: z.string().min(1).optional(),
  suffix: z.string().min(1).optional(),
});
export type TextQuote = z.infer<typeof textQuoteSchema>;

export const annotationKinds = ['background', 'term', 'number', 'attribution', 'date', 'place'] as const;
export const annotationKindLabels: Record<(typeof annotationKinds)[number], string> = {
  background: 'Background',
  term: 'Term',
  number: 'Number',
  attribution: 'Who says so',
  date: 'Date',
  place: 'Place',
};

/** Where a note leads for the fuller story. Each is an id of that kind of content. */
export const annotationLinksSchema = z
  .object({
    topic: idSchema.optional(),
    term: idSchema.optional(),
    event: idSchema.optional(),
    place: idSchema.optional(),
  })
  .default({});

export const annotationSchema = z.object({
  id: idSchema,
  quote: textQuoteSchema,
  kind: z.enum(annotationKinds),
  /** A short note in our own words (plain text; rendered as text, never as HTML). */
  note: z.string().min(1).max(600, 'keep a note under 600 characters; put the rest in a background topic'),
  links: annotationLinksSchema,
  cites: citesSchema,
});
export type Annotation = z.infer<typeof annotationSchema>;

/** content/annotations/<source-id>.yaml holds the notes on one source. */
export const annotationFileSchema = z.object({
  source: idSchema,
  notes: z.array(annotationSchema).min(1),
});
export type AnnotationFile = z.infer<typeof annotationFileSchema>;
