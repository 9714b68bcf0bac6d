import type { z } from 'astro/zod';

// The schemas' own words for what zod finds wrong, passed to every safeParse of content (as Starlight's
// utils/error-map.ts does). A message a schema writes itself (`.min(2, 'give 2-4 objectives')`) still wins; every
// other complaint is said here from the issue's code and numbers, never from zod's English, so a zod upgrade cannot
// change what an instructor reads, and the check's fixes (src/content-check/issues.ts) never lean on zod's wording.

type RawIssue = z.core.$ZodRawIssue;

const kinds: Record<string, string> = {
  array: 'a list',
  object: 'a set of fields',
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  date: 'a date',
  tuple: 'a list',
  record: 'a set of fields',
};

/** "text", "a list", "a number": what a value of zod's type looks like, in plain words. */
export function kindName(expected: string): string {
  return kinds[expected] ?? expected;
}

/** What the file holds there, in the same plain words. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (value instanceof Date) return 'a date written without quotes';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a set of fields';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  return typeof value;
}

function sizeOf(origin: string, count: number | bigint): string {
  const n = Number(count);
  if (origin === 'string') return n === 1 ? 'some text' : `at least ${n} characters`;
  if (origin === 'array' || origin === 'set') return `${n} entr${n === 1 ? 'y' : 'ies'}`;
  return String(n);
}

export const contentErrorMap: z.core.$ZodErrorMap = (issue: RawIssue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is missing';
      return `should be ${kindName(issue.expected)}, but is ${describeValue(issue.input)}`;
    case 'too_small': {
      const origin = String(issue.origin);
      if (origin === 'string' && Number(issue.minimum) <= 1) return 'is empty';
      if (origin === 'array' || origin === 'set' || origin === 'string') {
        return `needs ${issue.exact ? 'exactly' : 'at least'} ${sizeOf(origin, issue.minimum)}`;
      }
      return issue.inclusive === false
        ? `is ${describeValue(issue.input)}; it must be more than ${issue.minimum}`
        : `is ${describeValue(issue.input)}; it must be ${issue.minimum} or more`;
    }
    case 'too_big': {
      const origin = String(issue.origin);
      if (origin === 'array' || origin === 'set' || origin === 'string') {
        return `has more than ${sizeOf(origin, issue.maximum)}`;
      }
      return issue.inclusive === false
        ? `is ${describeValue(issue.input)}; it must be less than ${issue.maximum}`
        : `is ${describeValue(issue.input)}; it must be ${issue.maximum} or less`;
    }
    case 'invalid_format':
      if (issue.format === 'url') return 'is not a web address: write it whole, starting https://';
      return `is not written the way it should be (${issue.format})`;
    case 'invalid_value':
      return `is ${describeValue(issue.input)}, which is not one of the choices: ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `has field${issue.keys.length === 1 ? '' : 's'} it does not know: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'is not any of the forms allowed here';
    case 'invalid_key':
      return 'has a key that is not allowed';
    case 'invalid_element':
      return 'has an entry that is not allowed';
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    default:
      return 'is not allowed here';
  }
};
