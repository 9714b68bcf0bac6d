import { describe, expect, it } from 'vitest';
import {
  countWords,
  formatDateTime,
  formatDay,
  formatDayLong,
  formatLocalDay,
  readingMinutes,
} from '../../src/lib/format';
import { isCurrentSection } from '../../src/lib/site';
import { eventHref, reportHref, termHref } from '../../src/lib/urls';

describe('dates for people', () => {
  it('names the weekday of a publication date', () => {
    expect(formatDayLong('2024-04-22')).toBe('Monday 22 April 2024');
    expect(formatDayLong('2024-04-23')).toBe('Tuesday 23 April 2024');
    expect(formatDayLong('2024-02-29')).toBe('Thursday 29 February 2024');
  });
  it('formats a plain day', () => {
    expect(formatDay('2003-03-20')).toBe('20 March 2003');
  });
  it('gives a moment on the reader’s clock in the same style, 24-hour: "1 December 2026, 19:07"', () => {
    expect(formatDateTime(new Date(2026, 11, 1, 19, 7))).toBe('1 December 2026, 19:07');
    expect(formatDateTime(new Date(2024, 3, 22, 8, 5).getTime())).toBe('22 April 2024, 08:05');
    expect(formatLocalDay(new Date(2026, 0, 9, 23, 59))).toBe('9 January 2026');
  });
});

describe('reading time', () => {
  it('counts words, keeping numbers, contractions and hyphenated words whole', () => {
    expect(countWords(['The US has some 2,500 troops in Iraq.'])).toBe(8);
    expect(countWords(['Kata’ib Hezbollah’s advise-and-assist mission', ' – ', ''])).toBe(4);
  });
  it('rounds to whole minutes, never less than one', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(450)).toBe(2);
    expect(readingMinutes(650)).toBe(3);
  });
});

describe('navigation and addresses', () => {
  it('marks the section a page belongs to', () => {
    expect(isCurrentSection('/', '/')).toBe(true);
    expect(isCurrentSection('/reports/report-a/', '/')).toBe(false);
    expect(isCurrentSection('/reports/report-a/', '/reports')).toBe(true);
    expect(isCurrentSection('/reportsx/', '/reports')).toBe(false);
  });
  it('builds the fragment addresses other pages link to', () => {
    expect(reportHref('report-b', 5)).toBe('/reports/report-b/#p5');
    expect(reportHref('report-a')).toBe('/reports/report-a/');
    expect(termHref('kataib-hezbollah')).toBe('/glossary/#term-kataib-hezbollah');
    expect(eventHref('x')).toBe('/timeline/#event-x');
  });
});
