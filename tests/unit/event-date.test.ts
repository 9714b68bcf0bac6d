import { describe, expect, it } from 'vitest';
import {
  compareCertainOrder,
  compareDatePoints,
  formatEventDate,
  isoOf,
  parseEventDate,
  type EventDate,
} from '../../src/lib/event-date';

function parsed(value: string): EventDate {
  const result = parseEventDate(value);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('parseEventDate', () => {
  it('reads a day, a month, a year and ranges, with the precision of the start', () => {
    expect(parsed('2024-04-21')).toMatchObject({ start: { year: 2024, month: 4, day: 21 }, precision: 'day' });
    expect(parsed('2023-10')).toMatchObject({ start: { year: 2023, month: 10 }, precision: 'month' });
    expect(parsed('2003/2007')).toMatchObject({ start: { year: 2003 }, end: { year: 2007 }, precision: 'year' });
    expect(parsed('2014-10-15/2014-12').end).toEqual({ year: 2014, month: 12 });
  });

  it.each([
    ['2023-02-29', 'is not a real calendar date'],
    ['2024-13', 'has no month 13'],
    ['21 April 2024', 'is not a date'],
    ['2024-04-14/2024-04-13', 'ends before it starts'],
    ['2003/2005/2007', 'more than one "/"'],
  ])('refuses %s, saying why', (value, why) => {
    const result = parseEventDate(value);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(why);
  });
});

describe('formatEventDate and isoOf', () => {
  it.each([
    ['2003-03-20', '20 March 2003'],
    ['2023-10', 'October 2023'],
    ['2024-04-13/2024-04-14', '13–14 April 2024'],
    ['2003/2007', '2003–2007'],
    ['2008-11-17/2008-12-14', '17 November 2008 – 14 December 2008'],
  ])('%s reads as %s', (value, words) => {
    expect(formatEventDate(parsed(value))).toBe(words);
  });

  it('gives <time datetime> values at the precision known', () => {
    expect(isoOf(parsed('2024-02-04').start)).toBe('2024-02-04');
    expect(isoOf(parsed('2023-10').start)).toBe('2023-10');
    expect(isoOf(parsed('2007').start)).toBe('2007');
  });
});

describe('ordering', () => {
  const point = (value: string) => parsed(value).start;

  it('compareDatePoints puts a vague date at the start of its span', () => {
    expect(compareDatePoints(point('2003'), point('2003-03-20'))).toBeLessThan(0);
    expect(compareDatePoints(point('2024-04-21'), point('2024-04-22'))).toBeLessThan(0);
  });

  it("compareCertainOrder orders only what is certain, so a stable sort keeps the author's placing", () => {
    expect(compareCertainOrder(point('2003'), point('2003-03-20'))).toBe(0);
    expect(compareCertainOrder(point('2023-10'), point('2023-10-07'))).toBe(0);
    expect(compareCertainOrder(point('2023-10'), point('2023-11-01'))).toBeLessThan(0);
    expect(compareCertainOrder(point('2024-02-04'), point('2024-01-30'))).toBeGreaterThan(0);
    const listed = ['2003-03-20', '2003-04-09', '2003', '2009-06-24'];
    const sorted = [...listed].sort((a, b) => compareCertainOrder(point(a), point(b)));
    expect(sorted).toEqual(listed);
    expect(['2009-06-24', '2003-03-20'].sort((a, b) => compareCertainOrder(point(a), point(b)))).toEqual([
      '2003-03-20',
      '2009-06-24',
    ]);
  });
});
