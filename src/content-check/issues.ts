// Turns a schema's complaint into a problem an instructor can act on.
import type { z } from 'astro/zod';
import type { Problem } from './problem';

/** "notes[2].quote.exact" */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)),
    '',
  );
}

/** `value` is what the file holds at the issue's path, when there is something there. */
export function describeIssue(
  issue: z.core.$ZodIssue,
  field: string,
  schemaFile: string,
  value?: unknown,
): Pick<Problem, 'message' | 'fix'> {
  const label = field || 'the entry';
  const named = field ? `"${field}"` : 'the entry';
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => `"${key}"`).join(', ');
    return {
      message: `${field ? `${label}: ` : ''}unknown field${issue.keys.length === 1 ? '' : 's'} ${keys}`,
      fix: `check the spelling of ${keys} or remove ${issue.keys.length === 1 ? 'it' : 'them'}; the fields allowed are in ${schemaFile}`,
    };
  }
  // The question schema lists its types in its own message for an unknown `type`.
  const types = /^type must be one of: (.+)$/.exec(issue.message);
  if (issue.code === 'invalid_union' && types) {
    const what = typeof value === 'string' ? `"${value}" is not a question type` : 'the question has no type';
    return { message: `${label}: ${what}; the types are ${types[1]}`, fix: `use one of: ${types[1]}` };
  }
  if (issue.code === 'invalid_type') {
    if (/received undefined$/.test(issue.message)) {
      return { message: `"${field}" is missing`, fix: `add "${field}" (its rules are in ${schemaFile})` };
    }
    if (/received Date$/.test(issue.message)) {
      return {
        message: `${label}: a date written without quotes is read as a Date`,
        fix: 'put the date in quotes, e.g. "2024-04-22"',
      };
    }
    return { message: `${label}: ${issue.message}`, fix: `make ${named} ${article(issue.expected)}` };
  }
  if (issue.code === 'invalid_value') {
    return {
      message: `${label}: ${issue.message}`,
      fix: `use one of: ${issue.values.map((v) => String(v)).join(', ')}`,
    };
  }
  const fix = fixesByMessage.find(([pattern]) => pattern.test(issue.message))?.[1];
  return {
    message: `${label}: ${issue.message}`,
    fix: fix ?? `change ${named} as the message says (its rules are in ${schemaFile})`,
  };
}

/** Fixes for the question schema's own rules, whose messages say what is wrong but not always what to do. */
const fixesByMessage: ReadonlyArray<[RegExp, string]> = [
  [/needs one option marked correct: true; none is$/, 'add correct: true to the one right option'],
  [/has exactly one correct option/, 'keep correct: true on one option only, or make the question type: multiple'],
  [/^(?:option|item|left|right) (?:id|text) ".*" appears twice$/, 'give each entry an id and a text of its own'],
  [
    /give both sides the same number$/,
    'add or remove entries so that left and right are as long as each other, each left id paired with one right id',
  ],
  [/is already paired with/, 'pair each right id with exactly one left id'],
  [
    /^tolerance is how far off an answer may be/,
    'make tolerance 0 (only the exact answer counts) or a positive number',
  ],
];

function article(expected: string): string {
  const names: Record<string, string> = {
    array: 'a list',
    object: 'a set of fields',
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
  };
  return names[expected] ?? `a ${expected}`;
}
