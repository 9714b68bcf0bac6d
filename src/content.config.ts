import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse } from 'yaml';
import {
  annotationFileSchema,
  courseSchema,
  eventSchema,
  lessonSchema,
  placeSchema,
  quizSchema,
  referenceSchema,
  sourceSchema,
  termSchema,
  topicSchema,
} from './schemas';
import { courseFolder } from './lib/course-folder';

const content = `${courseFolder()}/content`;

// Cross-references (a note's quote, links between items) are checked by src/content-check, which runs
// before every build and dev server start; these schemas check each entry's own shape.
export const collections = {
  // One entry, "course": the file is a single set of fields, not a list.
  course: defineCollection({
    loader: file(`${content}/course.yaml`, { parser: (text) => ({ course: parse(text) as Record<string, unknown> }) }),
    schema: courseSchema,
  }),
  sources: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${content}/sources` }), schema: sourceSchema }),
  annotations: defineCollection({
    loader: glob({ pattern: '*.yaml', base: `${content}/annotations` }),
    schema: annotationFileSchema,
  }),
  topics: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${content}/topics` }), schema: topicSchema }),
  glossary: defineCollection({ loader: file(`${content}/glossary.yaml`), schema: termSchema }),
  timeline: defineCollection({ loader: file(`${content}/timeline.yaml`), schema: eventSchema }),
  places: defineCollection({ loader: file(`${content}/places.yaml`), schema: placeSchema }),
  lessons: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${content}/lessons` }), schema: lessonSchema }),
  quizzes: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${content}/quizzes` }), schema: quizSchema }),
  references: defineCollection({ loader: file(`${content}/references.yaml`), schema: referenceSchema }),
};
