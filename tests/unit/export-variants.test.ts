import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { acceptedVariants, MAX_VARIANTS } from '../../src/export/variants';
import { answersMatch } from '../../src/quiz/normalize';

describe('accepted spellings for LMSes that ignore only case', () => {
  test('the spellings students type that the course accepts and the LMSes refused', () => {
    const kh = acceptedVariants(["Kata'ib Hezbollah", 'Kataib Hezbollah']);
    expect(kh).toEqual(expect.arrayContaining(["Kata'ib Hezbollah", 'Kata’ib Hezbollah', 'Kataib Hezbollah']));
    expect(acceptedVariants(['Ain al-Asad'])).toEqual(
      expect.arrayContaining(['Ain al-Asad', 'Ain al Asad', 'Ain alAsad', 'the Ain al-Asad', 'Ain al-Asad.']),
    );
    const is = acceptedVariants(['Islamic State', 'the Islamic State group']);
    expect(is).toEqual(
      expect.arrayContaining(['Islamic State.', 'the Islamic State', 'Islamic State group', 'the Islamic State group']),
    );
  });

  test('the authors’ answers come first, as written', () => {
    expect(acceptedVariants(['Tower 22', 'T22']).slice(0, 2)).toEqual(['Tower 22', 'T22']);
  });

  test('no two spellings differ only in case (both LMSes ignore case)', () => {
    const list = acceptedVariants(['The Washington Institute', 'Washington Institute', 'washington institute']);
    expect(new Set(list.map((v) => v.toLowerCase())).size).toBe(list.length);
  });

  test('every spelling is one the course accepts, and there are never more than the cap', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 6 }), (accept) => {
        const variants = acceptedVariants(accept);
        expect(variants.length).toBeLessThanOrEqual(MAX_VARIANTS);
        for (const v of variants) expect(accept.some((a) => answersMatch(v, a))).toBe(true);
      }),
    );
  });
});
