import { z } from 'astro/zod';
import { idSchema } from './common';

/** A learning objective a student can check themselves against; questions name it in `objective`. */
export const objectiveSchema = z.object({
  id: idSchema,
  text: z.string().min(1),
});

/** Frontmatter of a lesson (content/lessons/<id>.mdx). The body places checkpoints with <Quiz id="…" />. */
export const lessonSchema = z.object({
  title: z.string().min(1),
  /** Position in the course; two lessons may not share one. */
  order: z.number().int().positive(),
  summary: z.string().min(1),
  /** Estimated minutes to read and answer everything. */
  minutes: z.number().int().positive(),
  objectives: z.array(objectiveSchema).min(2, 'give 2-4 objectives').max(4, 'give 2-4 objectives'),
  /** Report ids this lesson reads. */
  readings: z.array(idSchema).default([]),
  /** Background topic ids it draws on. */
  background: z.array(idSchema).default([]),
});
export type Lesson = z.infer<typeof lessonSchema>;
