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

export function describeIssue(issue: z.core.$ZodIssue, field: string, schemaFile: string): Pick<Problem, 'message' | 'fix'> {
  const label = field || 'the entry';
  const named = field ? `"${field}"` : 'the entry';
  if (issue.code === 'invalid_type') {
    if (/received undefined$/.test(issue.message)) {
      return { message: `"${field}" is missing`, fix: `add "${field}" (its rules are in ${schemaFile})` };
    }
    if (/received Date$/.test(issue.message)) {
      return { message: `${label}: a date written without quotes is read as a Date`, fix: 'put the date in quotes, e.g. "2024-04-22"' };
    }
    return { message: `${label}: ${issue.message}`, fix: `make ${named} ${article(issue.expected)}` };
  }
  if (issue.code === 'invalid_value') {
    return { message: `${label}: ${issue.message}`, fix: `use one of: ${issue.values.map((v) => String(v)).join(', ')}` };
  }
  return { message: `${label}: ${issue.message}`, fix: `change ${named} as the message says (its rules are in ${schemaFile})` };
}

function article(expected: string): string {
  const names: Record<string, string> = { array: 'a list', object: 'a set of fields', string: 'text', number: 'a number', boolean: 'true or false' };
  return names[expected] ?? `a ${expected}`;
}
