/**
 * Ids a student's progress cannot hold. Progress keeps answers in plain objects keyed by id, and its
 * import refuses these keys (they would reach Object.prototype), so a quiz using one could never be saved.
 * "__proto__" also breaks the id pattern, but the schema's message for it would not say why it matters.
 */
export const reservedIds: readonly string[] = ['constructor', 'prototype', '__proto__'];

export const isReservedId = (value: unknown): value is string =>
  typeof value === 'string' && reservedIds.includes(value);

export interface ReservedUse {
  /** Dotted path of the offending field, e.g. "questions.2.options.1.id" or "questions.2.pairs.constructor". */
  path: string;
  /** What kind of id it is: "option id", "pair key". */
  what: string;
  id: string;
  /** Index of the question it is in, when it is in one. */
  question?: number;
}

const idLists: ReadonlyArray<[field: string, what: string]> = [
  ['options', 'option id'],
  ['items', 'item id'],
  ['left', 'left id'],
  ['right', 'right id'],
];

/** Every reserved id in a quiz file as written, before any schema has read it. */
export function findReservedIds(raw: unknown): ReservedUse[] {
  const found: ReservedUse[] = [];
  if (!isRecord(raw)) return found;
  if (isReservedId(raw.id)) found.push({ path: 'id', what: 'quiz id', id: raw.id });
  if (!Array.isArray(raw.questions)) return found;
  raw.questions.forEach((question: unknown, index: number) => {
    if (!isRecord(question)) return;
    const at = `questions.${index}`;
    if (isReservedId(question.id))
      found.push({ path: `${at}.id`, what: 'question id', id: question.id, question: index });
    for (const [field, what] of idLists) {
      const list = question[field];
      if (!Array.isArray(list)) continue;
      list.forEach((entry: unknown, i: number) => {
        if (isRecord(entry) && isReservedId(entry.id)) {
          found.push({ path: `${at}.${field}.${i}.id`, what, id: entry.id, question: index });
        }
      });
    }
    if (isRecord(question.pairs)) {
      // A reserved left id is reported once, at the left entry, not again as the pair's key.
      const reportedLeft = new Set(found.filter((use) => use.path.startsWith(`${at}.left.`)).map((use) => use.id));
      for (const key of Object.keys(question.pairs)) {
        if (isReservedId(key) && !reportedLeft.has(key)) {
          found.push({ path: `${at}.pairs.${key}`, what: 'pair key', id: key, question: index });
        }
      }
    }
  });
  return found;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
