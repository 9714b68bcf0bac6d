import { z } from 'astro/zod';
import { citesSchema, idSchema } from './common';

/** One entry of content/glossary.yaml. */
export const termSchema = z.object({
  id: idSchema,
  term: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  definition: z.string().min(1),
  /** The name in Arabic script, shown with lang="ar" dir="rtl". */
  arabic: z.string().optional(),
  /** Latin transliteration of the Arabic, when it helps pronunciation. */
  transliteration: z.string().optional(),
  topic: idSchema.optional(),
  cites: citesSchema,
});
export type Term = z.infer<typeof termSchema>;
