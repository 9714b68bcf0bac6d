// Which course a hand-in file is for: the course file's id, or one made from its title (content/course.yaml), and
// the classes students pick from when handing in. Read here with node:fs, so the build and the scripts (the bench,
// the tests) share one rule; the content check has held the file to its schema before. Build time and scripts only.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { courseFolder } from './course-folder';

type CourseFile = { id?: unknown; title?: unknown; classes?: unknown };

function readCourseFile(): CourseFile {
  const file = join(courseFolder(), 'content', 'course.yaml');
  return (parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) ?? {}) as CourseFile;
}

function readCourseId(course: CourseFile): string {
  if (typeof course.id === 'string' && course.id) return course.id;
  const slug = String(course.title ?? '')
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'course';
}

const courseFile = readCourseFile();
export const COURSE_ID: string = readCourseId(courseFile);
/** The classes a student picks from when handing in (none: no choice is offered). */
export const COURSE_CLASSES: string[] = Array.isArray(courseFile.classes)
  ? courseFile.classes.filter((name): name is string => typeof name === 'string')
  : [];
