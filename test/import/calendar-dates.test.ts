import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../src/catalog/import/calendar-dates.js';
import { halfOfYear, monthNumber } from '../../src/catalog/import/month-names.js';

describe('month names', () => {
  it.each([
    ['Janvier', 1],
    ['Février', 2],
    ['fevrier', 2],
    ['févr.', 2],
    ['févr', 2],
    ['Août', 8],
    ['AOUT', 8],
    ['Décembre', 12],
    ['February', 2],
    ['Sep', 9],
    ['august', 8],
    ['febrero', 2],
    ['Septiembre', 9],
    ['dic', 12],
    ['5', 5],
  ])('%s is month %i', (name, month) => {
    expect(monthNumber(name)).toBe(month);
  });

  it.each(['Juin.', 'Juni', '13', '0', 'Printemps', ''])('%j is not a month', (name) => {
    expect(monthNumber(name)).toBeUndefined();
  });

  it.each([
    ['2ème semestre', 2],
    ['1er semestre', 1],
    ['2nd half', 2],
    ['First half', 1],
    ['segundo semestre', 2],
    ['H2', 2],
  ])('%s is half %i', (text, half) => {
    expect(halfOfYear(text)).toBe(half);
  });
});

describe("the seed's day and month cells", () => {
  it.each([
    ['8', 'Janvier', '2019-01-08'],
    ['10-12', 'Janvier', '2019-01-10/2019-01-12'],
    ['?', 'Février', '2019-02-??'],
    ['', 'Mars', '2019-03'],
    ['30-05', 'Avril/ Mai', '2019-04-30/2019-05-05'],
    ['27-3/11', 'Octobre', '2019-10-27/2019-11-03'],
    ['28-03', 'Décembre/Janvier', '2019-12-28/2020-01-03'],
    ['13 - 17', 'May', '2019-05-13/2019-05-17'],
    ['', '2ème semestre', '2019-H2'],
    ['2ème semestre', '', '2019-H2'],
  ])('%j %j is %s', (day, month, when) => {
    expect(calendarDate(day, month, 2019)).toEqual({ when });
  });

  it.each([
    ['3', 'Juin.', { problem: '"Juin." is not a month', column: 'month' }],
    ['3', 'Avril/Mai', { problem: '"Avril/Mai" spans two months: give the days, such as 30-05', column: 'day' }],
    ['le 3', 'Juin', expect.objectContaining({ column: 'day' })],
    [
      '2026-10-12',
      'Octobre',
      {
        problem:
          '"2026-10-12" is a date the spreadsheet made of the days: format the column as text and type them again (10-12)',
        column: 'day',
      },
    ],
    ['3', '2ème semestre', { problem: '"3": a half-year has no day; leave the day empty', column: 'day' }],
  ])('%j %j is refused', (day, month, problem) => {
    expect(calendarDate(day, month, 2019)).toEqual(problem);
  });
});
