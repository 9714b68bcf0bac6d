import { describe, expect, it } from 'vitest';
import { classTableCsv, csvCell } from '../../src/handin/csv';
import { sortRows, studentRows } from '../../src/handin/results';
import { classOf30, course, student } from './handin-fixtures';

describe('csvCell', () => {
  it('defuses cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}HYPERLINK("http://x")`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('Ada')).toBe('Ada');
  });

  it('quotes cells with quotes, commas or line breaks', () => {
    expect(csvCell('Smith, "Al"')).toBe('"Smith, ""Al"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
});

describe('classTableCsv', () => {
  it('has a header, then a row per student: name, class, time, and per lesson right first time % and mastered', () => {
    const rows = sortRows(studentRows(course, classOf30), { by: 'name' }, 'ascending');
    const lines = classTableCsv(course, rows).split('\r\n');
    expect(lines[0]).toBe(
      '\ufeffName,Class,Handed in (UTC),1. Alpha: right first time (%),1. Alpha: mastered,2. Beta: right first time (%),2. Beta: mastered',
    );
    expect(lines[1]).toBe('Student 00,7B,2024-05-06T09:00:00Z,67,no,100,yes');
    expect(lines[13]).toBe('Student 12,7B,2024-05-06T09:12:00Z,100,yes,50,yes');
    expect(lines[30]).toBe('Student 29,7B,2024-05-06T09:29:00Z,0,no,50,no');
    expect(lines).toHaveLength(32);
    expect(lines[31]).toBe('');
  });

  it('writes a hostile name as inert text', () => {
    const rows = studentRows(course, [{ fileName: 'x.json', handIn: student(1, { name: '=cmd|"/c calc"!A1' }) }]);
    expect(classTableCsv(course, rows).split('\r\n')[1]).toMatch(/^"'=cmd\|""\/c calc""!A1",7B,/);
  });
});
