import { describe, expect, it } from 'vitest';
import { answersMatch, normalizeAnswer } from '../../src/quiz';

describe('normalizeAnswer', () => {
  it.each([
    ["Kata'ib Hezbollah", 'kataib hezbollah'],
    ['Kataib Hezbollah', 'kataib hezbollah'],
    ['Kata’ib hezbollah', 'kataib hezbollah'],
    ['Kata‘ib Hezbollah', 'kataib hezbollah'],
    ['Kataʼib Hezbollah', 'kataib hezbollah'],
    ['Kata`ib Hezbollah', 'kataib hezbollah'],
    ['Kata´ib Hezbollah', 'kataib hezbollah'],
    ['Kataʻib Hezbollah', 'kataib hezbollah'],
    ['kataib-hezbollah', 'kataib hezbollah'],
    ['Ain al–Asad', 'ain al asad'],
    ['Ain al—Asad', 'ain al asad'],
    ['  Tower   22 ', 'tower 22'],
    ['The Islamic Resistance in Iraq.', 'islamic resistance in iraq'],
    ['the  Houthis!?', 'houthis'],
    ['Theodore', 'theodore'],
    ['the', 'the'],
    ['Café Zürich', 'cafe zurich'],
    ['ＫＨ', 'kh'],
    ['U.S. forces', 'us forces'],
    ['"Tower 22"', 'tower 22'],
    ['Erbil, Iraq', 'erbil iraq'],
    ['', ''],
    [' -–— ', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeAnswer(input)).toBe(expected);
  });
});

describe('answersMatch', () => {
  it.each([
    ['kataib-hezbollah', "Kata'ib Hezbollah"],
    ['kataibhezbollah', "Kata'ib Hezbollah"],
    ['Al Asad', 'al-Asad'],
    ['alasad', 'al-Asad'],
    ['THE TANF garrison', 'Tanf Garrison'],
  ])('%j matches %j', (typed, accepted) => expect(answersMatch(typed, accepted)).toBe(true));

  it.each([
    ['Hezbollah', "Kata'ib Hezbollah"],
    ['', ''],
    ['!', '?'],
    ['Tower 2', 'Tower 22'],
  ])('%j does not match %j', (typed, accepted) => expect(answersMatch(typed, accepted)).toBe(false));
});
