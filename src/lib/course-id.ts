// Which course a hand-in file is for: the course file's id, or one made from its title (content/course.yaml).
// Read here with node:fs, so the build and the scripts (the bench) share one rule. Build time and scripts only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { courseFolder } from './course-folder';

function readCourseId(): string {
  const file = join(courseFolder(), 'content', 'course.yaml');
  const course = (parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) ?? {}) as { id?: unknown; title?: unknown };
  if (typeof course.id === 'string' && course.id) return course.id;
  const slug = String(course.title ?? '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'course';
}

export const COURSE_ID: string = readCourseId();
