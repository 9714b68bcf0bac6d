// Names and classes as a hand-in holds them, in plain code with no imports: the hand-in checks (format.ts) and the
// course file's schema (a course's list of classes, src/schemas/course.ts) take the rule from here.

export const MAX_NAME_LENGTH = 100;

/** Letters a name or class may not hold: control characters, which no keyboard types. */
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Trims and collapses spaces; the empty string when nothing is left. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** A name or class as stored: cleaned already, 1 to MAX_NAME_LENGTH characters, no control character. */
export const isLabel = (value: unknown): value is string =>
  typeof value === 'string' &&
  cleanName(value) === value &&
  value.length >= 1 &&
  value.length <= MAX_NAME_LENGTH &&
  !CONTROL.test(value);
