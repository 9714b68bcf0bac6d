import { z } from 'astro/zod';

/** Ids are kebab-case so they work unchanged in URLs, HTML ids and storage keys. */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens, e.g. "ain-al-asad"');

/** A list of ids from content/references.yaml: every fact on the site cites at least one. */
export const citesSchema = z.array(idSchema).min(1, 'cite at least one reference id from content/references.yaml');

/** Calendar date in ISO form, checked to be a real day (2024-02-30 is refused). */
export const isoDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD')
  .refine(isRealDay, 'this is not a real calendar date');

export function isRealDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
