import { z } from 'astro/zod';
import { isoDaySchema } from './common';

/**
 * A news report shown whole (content/sources/<id>.yaml). Paragraphs are the report's text exactly as
 * given, minus page furniture; a paragraph's number (1-based) is its stable anchor, so never reorder them.
 */
export const sourceSchema = z.object({
  /** Short label students see, e.g. "Report A". */
  label: z.string().min(1),
  title: z.string().min(1),
  /** Line above the headline on the original page, if any. */
  kicker: z.string().optional(),
  /** Who reported it, as the report credits it. Required: a report is never shown without its credit. */
  credit: z.string().min(1, 'give the credit line, e.g. "Reporting by AFP and 964media"'),
  /** Day of publication, YYYY-MM-DD. */
  published: isoDaySchema,
  /** File name of the text as the product owner supplied it. */
  seed: z.string().min(1),
  /** What reading order the course uses for reports. */
  order: z.number().int().positive(),
  paragraphs: z.array(z.string().min(1)).min(1),
});
export type Source = z.infer<typeof sourceSchema>;
