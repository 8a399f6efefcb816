import { describe, expect, it } from 'vitest';
import { parseEventDate } from '../../src/domain/event-date.js';

describe('parseEventDate', () => {
  it('reads a single day as a one-day range', () => {
    expect(parseEventDate('2019-01-08')).toEqual({ precision: 'day', start: '2019-01-08', end: '2019-01-08' });
  });

  it('reads a range across two months (the seed\'s "30-05 Avril/Mai")', () => {
    expect(parseEventDate('2019-04-30/2019-05-05')).toEqual({
      precision: 'day',
      start: '2019-04-30',
      end: '2019-05-05',
    });
  });

  it('keeps a month whose day is unknown apart from a month alone', () => {
    expect(parseEventDate('2019-02-??')).toMatchObject({
      precision: 'month-day-unknown',
      start: '2019-02-01',
      end: '2019-02-28',
    });
    expect(parseEventDate('2019-03')).toMatchObject({ precision: 'month', start: '2019-03-01', end: '2019-03-31' });
  });

  it('reads a half-year', () => {
    expect(parseEventDate('2019-H2')).toMatchObject({ precision: 'half-year', start: '2019-07-01', end: '2019-12-31' });
  });

  it.each([
    ['2019-02-30', 'not a real day'],
    ['2019-13', 'not a real month'],
    ['2019-05-09/2019-05-07', 'ends before it starts'],
    ['9 mai', 'is not a date'],
  ])('refuses %s with a reason', (text, reason) => {
    const parsed = parseEventDate(text);
    expect(parsed).toHaveProperty('error');
    expect((parsed as { error: string }).error).toContain(reason);
  });
});
