/**
 * The spellings of a typed answer that the course's own matcher (src/quiz/normalize.ts) accepts, written out
 * for LMSes whose short-answer grading ignores only case (Moodle and Canvas both do). A student who types
 * "Kata’ib Hezbollah" with a phone's curly apostrophe, "Ain al Asad", "the Islamic State" or "Islamic State."
 * is right on the course site, so each of those is listed as an accepted answer in the exports.
 */
import { answersMatch } from '../quiz/normalize';

/** Apostrophes a student is likely to type: straight (keyboards), curly (phones' default) and none. */
const APOSTROPHE = /['’‘ʼ`´ʻ]/g;
const HAS_APOSTROPHE = /['’‘ʼ`´ʻ]/;
const TYPED_APOSTROPHES = ["'", '’', ''];

/**
 * Most spellings exported for one question. Neither LMS documents a cap, but every answer is a row an
 * instructor scrolls past when editing the question; the combinations below stay well under this.
 */
export const MAX_VARIANTS = 60;

const unique = (forms: string[]) => [...new Set(forms)];

/** Each apostrophe written three ways (all alike in one spelling: mixing them is not something people type). */
function apostropheForms(text: string): string[] {
  return HAS_APOSTROPHE.test(text) ? unique(TYPED_APOSTROPHES.map((mark) => text.replace(APOSTROPHE, mark))) : [text];
}

/** "al-Asad", "al Asad", "alAsad": the matcher reads a hyphen as a space and ignores where spaces fall. */
function hyphenForms(text: string): string[] {
  return text.includes('-') ? unique([text, text.replace(/-/g, ' '), text.replace(/-/g, '')]) : [text];
}

/** With and without a leading "the", which the matcher drops. */
function articleForm(text: string): string {
  return /^the\s/i.test(text) ? text.replace(/^the\s+/i, '') : `the ${text}`;
}

/**
 * Every accepted answer, then its spellings, without repeats that differ only in case (both LMSes ignore
 * case), at most MAX_VARIANTS. Every spelling returned is one answersMatch() accepts for one of `accept`.
 */
export function acceptedVariants(accept: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const add = (form: string) => {
    const text = form.replace(/\s+/g, ' ').trim();
    const key = text.toLowerCase();
    if (text === '' || seen.has(key) || out.length >= MAX_VARIANTS) return;
    // Only what the course itself accepts: a variant rule that strayed would grade a wrong answer right.
    if (!accept.some((a) => answersMatch(text, a))) return;
    seen.add(key);
    out.push(text);
  };
  // The authors' spellings first, so the LMS shows them at the top of the list.
  for (const answer of accept) add(answer);
  for (const answer of accept) {
    const spellings = apostropheForms(answer).flatMap(hyphenForms);
    for (const s of spellings) add(s);
    for (const s of spellings) add(articleForm(s));
    for (const s of spellings) add(`${s}.`);
  }
  return out;
}
