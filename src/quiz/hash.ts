import type { Question } from '../schemas/question';

/**
 * cyrb53 (bryc, public domain): a fast 53-bit string hash, plenty to tell edits apart. Not cryptographic:
 * it only notices change, it does not resist tampering.
 */
export function cyrb53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

// What the hash covers decides when a student's saved answer is set aside as "the question changed".
// Left out, because editing them cannot make a saved answer wrong or mean something else:
// - explanation, hint and every `feedback`: wording shown after answering;
// - evidence, objective, level: where the answer is shown and how the question is filed;
// - id: it is the key the answer is saved under, so it never needs to match itself.
// Kept: type, prompt and every option/item/claim/statement text, and everything that decides the answer.
// Texts are kept (not just ids and answers) because rewording an option can reverse what picking it means;
// a typo fix will also ask students again, which is the safe side. Whitespace inside texts is collapsed,
// so re-wrapping a YAML line changes nothing; `correct: false` and no `correct` hash alike.
function meaning(question: Question): unknown {
  const { id, explanation, hint, evidence, objective, level, ...rest } = question;
  const kept: Record<string, unknown> = { ...rest };
  delete kept.feedback;
  if ('options' in question)
    kept.options = question.options.map(({ feedback, correct, ...option }) => ({
      ...option,
      correct: correct === true,
    }));
  return kept;
}

function canonical(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.replace(/\s+/g, ' ').trim());
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const entries = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A short, stable fingerprint of what a question asks and what its answer is (base 36, ≤ 11 characters). */
export function questionHash(question: Question): string {
  return cyrb53(canonical(meaning(question))).toString(36);
}
