import { z } from 'astro/zod';
import { citesSchema, idSchema } from './common';
import { parseEventDate } from '../lib/event-date';

/**
 * One entry of content/timeline.yaml. `date` is ISO with its precision: "2024-04-21" (day),
 * "2023-10" (month), "2007" (year), or a range "2024-04-13/2024-04-14" or "2003/2007".
 */
export const eventSchema = z
  .object({
    id: idSchema,
    date: z.string().superRefine((value, ctx) => {
      const parsed = parseEventDate(value);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
    }),
    title: z.string().min(1),
    summary: z.string().min(1),
    /** "partial" where facts.yaml marks the fact PARTIAL: the page says the detail is uncertain. */
    certainty: z.enum(['verified', 'partial']).default('verified'),
    /** What is uncertain or disputed, in our words; required when certainty is partial. */
    caveat: z.string().optional(),
    topics: z.array(idSchema).default([]),
    places: z.array(idSchema).default([]),
    cites: citesSchema,
  })
  .refine((e) => e.certainty !== 'partial' || !!e.caveat, {
    message: 'a partial event needs a caveat saying what is uncertain',
    path: ['caveat'],
  });
export type TimelineEvent = z.infer<typeof eventSchema>;
