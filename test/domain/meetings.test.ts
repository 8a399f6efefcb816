import { describe, expect, it } from 'vitest';
import { nextSteeringMeeting, steeringMeetingsOfYear, weekOfMonth } from '../../src/domain/meetings.js';
import { realKnowledgeBase } from '../support/test-bot.js';

describe('weekOfMonth', () => {
  it('reads week n as days 7n-6 to 7n and the last week as the last seven days', () => {
    expect(weekOfMonth(2027, 1, 'last')).toMatchObject({ start: '2027-01-25', end: '2027-01-31' });
    expect(weekOfMonth(2027, 7, 2)).toMatchObject({ start: '2027-07-08', end: '2027-07-14' });
    expect(weekOfMonth(2027, 10, 4)).toMatchObject({ start: '2027-10-22', end: '2027-10-28' });
    expect(weekOfMonth(2028, 2, 'last')).toMatchObject({ start: '2028-02-23', end: '2028-02-29' });
  });
});

describe('steering committee meetings', () => {
  it("in 2019 come from the calendar, with the table's version kept where it disagrees", async () => {
    const meetings = steeringMeetingsOfYear(await realKnowledgeBase(), 2019);
    expect(meetings.map((m) => [m.quarter, m.when.start, m.when.end, m.format, m.dated])).toEqual([
      [1, '2019-01-30', '2019-01-30', 'online', true],
      [2, '2019-04-25', '2019-04-26', 'online', true],
      [3, '2019-07-08', '2019-07-09', 'face-to-face', true],
      [4, '2019-10-14', '2019-10-18', 'online', true],
    ]);
    expect(meetings[2]!.place).toEqual({ city: 'mexico-city' });
    expect(meetings[2]!.otherVersions[0]!.place).toEqual({ city: 'medellin' });
    expect(meetings[3]!.otherVersions[0]!.when).toMatchObject({ start: '2019-10-22', end: '2019-10-28' });
  });

  it('in later years follow the quarterly rule, with their dates to be confirmed', async () => {
    const meetings = steeringMeetingsOfYear(await realKnowledgeBase(), 2027);
    expect(meetings.map((m) => [m.id, m.when.start, m.when.end, m.format, m.dated])).toEqual([
      ['sc-2027-q1', '2027-01-25', '2027-01-31', 'online', false],
      ['sc-2027-q2', '2027-04-24', '2027-04-30', 'online', false],
      ['sc-2027-q3', '2027-07-08', '2027-07-14', 'face-to-face', false],
      ['sc-2027-q4', '2027-10-22', '2027-10-28', 'online', false],
    ]);
  });

  it('on 25 November 2026 the next one is Q1 2027, online, in the last week of January', async () => {
    const next = nextSteeringMeeting(await realKnowledgeBase(), '2026-11-25');
    expect(next).toMatchObject({
      year: 2027,
      quarter: 1,
      format: 'online',
      when: { start: '2027-01-25', end: '2027-01-31' },
    });
  });

  it('a meeting in progress is still the next one until its last day', async () => {
    const kb = await realKnowledgeBase();
    expect(nextSteeringMeeting(kb, '2019-04-26').id).toBe('sc-2019-q2');
    expect(nextSteeringMeeting(kb, '2019-04-27').id).toBe('sc-2019-q3');
  });
});
