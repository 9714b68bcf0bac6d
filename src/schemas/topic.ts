import { z } from 'astro/zod';
import { citesSchema, idSchema, isoDaySchema } from './common';

/** Frontmatter of a background topic (content/topics/<id>.mdx). */
export const topicSchema = z.object({
  title: z.string().min(1),
  /** One sentence shown in lists and link previews. */
  summary: z.string().min(1),
  order: z.number().int().positive(),
  /** The day the topic's facts are current to; figures that change are "as of" this. */
  asOf: isoDaySchema,
  cites: citesSchema,
  related: z
    .object({
      events: z.array(idSchema).default([]),
      terms: z.array(idSchema).default([]),
      places: z.array(idSchema).default([]),
    })
    .default({ events: [], terms: [], places: [] }),
});
export type Topic = z.infer<typeof topicSchema>;
