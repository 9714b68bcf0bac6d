import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../src/quiz';

describe('parseNumber', () => {
  it.each([
    ['2500', 2500],
    ['2,500', 2500],
    [' 2 500 ', 2500],
    ['2\u00a0500', 2500],
    ['2\u202f500', 2500],
    ['1,234,567', 1234567],
    ['about 900', 900],
    ['About  900', 900],
    ['around 900', 900],
    ['approx. 900', 900],
    ['roughly 1,000', 1000],
    ['~900', 900],
    ['c. 900', 900],
    ['900.', 900],
    ['2.5', 2.5],
    ['.5', 0.5],
    ['2,500.75', 2500.75],
    ['-3', -3],
    ['−3', -3],
    ['+3', 3],
    ['０９', 9],
    ['0', 0],
  ])('%j → %d', (input, value) => {
    expect(parseNumber(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['900 troops', 'troops', 900],
    ['900 troop', 'troops', 900],
    ['about 2,500 Troops.', 'troops', 2500],
    ['12 km', 'km', 12],
    ['12km', 'km', 12],
    ['40%', '%', 40],
  ])('%j with unit %j → %d', (input, unit, value) => {
    expect(parseNumber(input, unit)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Type a number first.'],
    ['   ', 'Type a number first.'],
    ['2.5k', 'Write the number out in digits, e.g. 2500 rather than 2.5k.'],
    ['3 million', 'Write the number out in digits, e.g. 2500 rather than 2.5k.'],
    ['1,5', 'Use a point for decimals (1.5), and commas only between thousands (2,500).'],
    ['lots', '"lots" is not a number we can read. Type digits only, like 2500.'],
  ])('refuses %j with a message', (input, error) => {
    expect(parseNumber(input)).toEqual({ ok: false, error });
  });

  it.each([
    '2,50',
    '25,00',
    '2 50',
    '2,500 000',
    '1.2.3',
    '900-1000',
    '900 troops',
    '1e3',
    'about',
    'nine hundred',
    '12 km',
  ])('refuses %j (without a unit)', (input) => {
    expect(parseNumber(input).ok).toBe(false);
  });
});
