// Turns a schema's complaint into a problem an instructor can act on. Messages come from the schemas themselves
// (their own words, or src/schemas/error-map.ts), and fixes are chosen by the issue's code and numbers, never by
// matching zod's English: an upgrade of zod cannot make a Fix line vanish.
import type { z } from 'astro/zod';
import { describeValue, kindName } from '../schemas/error-map';
import { seeGuide } from './guide';
import type { Problem } from './problem';

/** "notes[2].quote.exact" */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (name, part) => (typeof part === 'number' ? `${name}[${part}]` : name ? `${name}.${String(part)}` : String(part)),
    '',
  );
}

/** A fix a schema attached to its own rule with `params: { fix }`. */
function ownFix(issue: z.core.$ZodIssue): string | undefined {
  const fix = (issue as { params?: { fix?: unknown } }).params?.fix;
  return typeof fix === 'string' ? fix : undefined;
}

/** `value` is what the file holds at the issue's path, when there is something there. */
export function describeIssue(
  issue: z.core.$ZodIssue,
  field: string,
  file: string,
  value?: unknown,
): Pick<Problem, 'message' | 'fix'> {
  const label = field || 'the entry';
  const named = field ? `"${field}"` : 'the entry';
  const guide = seeGuide(file);
  const said = (fix: string) => ({ message: `${label}: ${issue.message}`, fix: `${fix} ${guide}` });
  const own = ownFix(issue);
  if (own) return said(own);

  // "evidence:" with nothing after it: YAML reads an empty value, whatever the field should hold.
  if (value === null && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
    return {
      message: `${label}: nothing is written after the colon`,
      fix: `write the value after "${field.split(/[.[]/).pop()}:", or remove the line ${guide}`,
    };
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const keys = issue.keys.map((key) => `"${key}"`).join(', ');
      return {
        message: `${field ? `${label}: ` : ''}unknown field${issue.keys.length === 1 ? '' : 's'} ${keys}`,
        fix: `check the spelling of ${keys} or remove ${issue.keys.length === 1 ? 'it' : 'them'}; the guide lists the fields allowed ${guide}`,
      };
    }
    case 'invalid_union': {
      const types = 'options' in issue && Array.isArray(issue.options) ? issue.options.map(String) : undefined;
      if (types && 'discriminator' in issue) {
        const list = types.join(', ');
        const what = typeof value === 'string' ? `"${value}" is not a question type` : 'the question has no type';
        return { message: `${label}: ${what}; the types are ${list}`, fix: `set type: to one of ${list} ${guide}` };
      }
      return said(`write ${named} in one of the forms the guide shows`);
    }
    case 'invalid_type':
      if (value === undefined) return { message: `"${field}" is missing`, fix: `add "${field}" ${guide}` };
      if (value instanceof Date) {
        return {
          message: `${label}: a date written without quotes is read as a Date`,
          fix: 'put the date in quotes, e.g. "2024-04-22"',
        };
      }
      return {
        message: `${label}: should be ${kindName(issue.expected)}, but is ${describeValue(value)}`,
        fix: `make ${named} ${kindName(issue.expected)} ${guide}`,
      };
    case 'invalid_value':
      return said(`use one of: ${issue.values.map((v) => String(v)).join(', ')}`);
    case 'too_small':
      if (issue.origin === 'array') return said(`add entries to ${named}: at least ${Number(issue.minimum)}`);
      if (issue.origin === 'string') return said(`write the text of ${named}, or remove the field if it is optional`);
      return said(`make ${named} ${Number(issue.minimum)} or more`);
    case 'too_big':
      if (issue.origin === 'array') return said(`remove entries from ${named}: at most ${Number(issue.maximum)}`);
      if (issue.origin === 'string') return said(`shorten ${named} to ${Number(issue.maximum)} characters or fewer`);
      return said(`make ${named} ${Number(issue.maximum)} or less`);
    case 'invalid_format':
      return said(`rewrite ${named} as the message says`);
    default:
      return said(`change ${named} as the message says`);
  }
}
