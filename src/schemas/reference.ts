import { z } from 'astro/zod';
import { idSchema } from './common';

/** One entry of the bibliography (content/references.yaml). Everything else cites these by id. */
export const referenceSchema = z.object({
  id: idSchema,
  title: z.string().min(1),
  publisher: z.string().min(1),
  url: z.url(),
  /** Publication date when known, ISO form. */
  published: z.string().optional(),
});
export type Reference = z.infer<typeof referenceSchema>;
