import type { Response } from '../schemas/question';
import { attributionChoices } from './attribution';

// The browser checks saved responses with this instead of responseSchema, so islands do not ship zod.
// It accepts exactly what responseSchema accepts (a property test holds the two together).

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every(isString);
const isPlainRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const fieldChecks: Record<Response['type'], (r: Record<string, unknown>) => boolean> = {
  single: (r) => isString(r.option),
  truefalse: (r) => typeof r.value === 'boolean',
  multiple: (r) => isStringList(r.options),
  ordering: (r) => isStringList(r.order),
  matching: (r) => isPlainRecord(r.pairs) && Object.values(r.pairs).every(isString),
  numeric: (r) => isString(r.value),
  text: (r) => isString(r.value),
  evidence: (r) => Number.isSafeInteger(r.paragraph),
  // The reports ticked, or a first-form choice saved before attribution knew more than 2 reports.
  attribution: (r) =>
    (r.reports === undefined || isStringList(r.reports)) &&
    (r.none === undefined || typeof r.none === 'boolean') &&
    (r.choice === undefined || (attributionChoices as readonly unknown[]).includes(r.choice)) &&
    (r.reports !== undefined || r.choice !== undefined),
};

/** True when `value` (e.g. parsed from localStorage) is a well-formed Response. */
export function isResponse(value: unknown): value is Response {
  if (!isPlainRecord(value) || !isString(value.type) || !Object.hasOwn(fieldChecks, value.type)) return false;
  return fieldChecks[value.type as Response['type']](value);
}
