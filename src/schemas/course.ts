import { z } from 'astro/zod';
import { isLabel, MAX_NAME_LENGTH } from '../handin/label';

// content/course.yaml: everything the pages say about this particular course. Pages and layouts in src/ hold no
// course wording of their own, so the same code builds any course from its content/ folder.

const text = z.string().trim().min(1, 'write some text here, or remove the field');

/** A [longitude, latitude] point in degrees. */
const point = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)], {
  error: 'write a point as [longitude, latitude], e.g. [-8.2, 53.4]',
});

export const courseSchema = z.strictObject({
  /**
   * What hand-in files name the course by, so the results page refuses another course's files. Optional: without
   * it the id is made from the title. Set it before students hand in, and keep it when the title changes.
   */
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'write the id in lower case with hyphens, e.g. my-course')
    .optional(),
  /**
   * The classes a student picks from when handing in results ("Hand in my results" on Your progress), e.g.
   * [7B, 7C]; the results page shows the class beside each name. Without it no class is asked for.
   */
  classes: z
    .array(
      z.string().refine(isLabel, {
        error: `write each class as a short name (at most ${MAX_NAME_LENGTH} characters) with single spaces, e.g. 7B`,
      }),
    )
    .min(1, 'list at least one class, or remove the field')
    .refine((classes) => new Set(classes).size === classes.length, 'each class can be listed once only')
    .optional(),
  /** The course's name: the home page's heading, every page title, the exports' title. */
  title: text,
  /** One line under the title, e.g. what and when the reports are about. */
  subtitle: text.optional(),
  /** One or two sentences for search engines and link previews of the home page. */
  description: text,
  /** The home page's opening paragraphs, in order. */
  intro: z.array(text).min(1, 'give at least one paragraph for the home page'),
  /** "How to use this course": each step a short bold lead and the text after it. */
  howTo: z.array(z.strictObject({ lead: text, text })).default([]),
  /** What the footer says about the course, on every page. */
  footer: text,
  /**
   * Where the course is published, e.g. https://course.example.org. The exports and worksheets link back to it;
   * the environment variable COURSE_SITE_URL, when set, wins.
   */
  site: z.url({ error: 'write the whole address, starting https://' }).optional(),
  /** The map page: which countries are shaded, the area shown, and where country names sit. */
  map: z
    .strictObject({
      /** Country names as Natural Earth spells them, e.g. "Ireland". */
      focus: z.array(text).default([]),
      /** [west, south, east, north] in degrees. */
      bounds: z
        .tuple([z.number(), z.number(), z.number(), z.number()], {
          error: 'write the area as [west, south, east, north] in degrees, e.g. [-11, 50, -5, 56]',
        })
        .optional(),
      /** Country name → where its label sits; countries not listed here are drawn without a name. */
      labels: z.record(z.string().min(1), point).default({}),
      /** The phone-sized map: a closer area, and only the countries to name there (the small ones cover places). */
      phone: z
        .strictObject({
          bounds: z
            .tuple([z.number(), z.number(), z.number(), z.number()], {
              error: 'write the area as [west, south, east, north] in degrees',
            })
            .optional(),
          countries: z.array(text).optional(),
        })
        .default({}),
    })
    .default({ focus: [], labels: {}, phone: {} }),
});
export type Course = z.infer<typeof courseSchema>;
