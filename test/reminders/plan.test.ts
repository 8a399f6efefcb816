import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { ReminderSettings } from '../../src/catalog/schema.js';
import { planReminders } from '../../src/reminders/plan.js';
import { realKnowledgeBase } from '../support/test-bot.js';

const SEOUL = 'Asia/Seoul';
const slackEveryLanguage: ReminderSettings = {
  offsets: ['P14D', 'P3D', 'P1D'],
  time: '09:00',
  targets: [{ platform: 'slack', channel: 'C-STEERING', languages: ['en', 'fr', 'es'] }],
};

function window(from: string, to: string, zone = SEOUL) {
  return [DateTime.fromISO(from, { zone }), DateTime.fromISO(to, { zone })] as const;
}

describe('planReminders', () => {
  it('for 2019, reminds 14, 3 and 1 days before each dated meeting of the calendar, at 09:00 Seoul', async () => {
    const plan = planReminders(
      await realKnowledgeBase(),
      slackEveryLanguage,
      SEOUL,
      ...window('2019-01-01', '2020-01-01'),
    );
    expect(
      plan.map((r) => [r.at.toISO({ suppressMilliseconds: true }), r.meeting.id, r.offset, r.dateConfirmed]),
    ).toEqual([
      ['2019-01-16T09:00:00+09:00', 'sc-2019-q1', 'P14D', true],
      ['2019-01-27T09:00:00+09:00', 'sc-2019-q1', 'P3D', true],
      ['2019-01-29T09:00:00+09:00', 'sc-2019-q1', 'P1D', true],
      ['2019-04-11T09:00:00+09:00', 'sc-2019-q2', 'P14D', true],
      ['2019-04-22T09:00:00+09:00', 'sc-2019-q2', 'P3D', true],
      ['2019-04-24T09:00:00+09:00', 'sc-2019-q2', 'P1D', true],
      ['2019-06-24T09:00:00+09:00', 'sc-2019-q3', 'P14D', true],
      ['2019-07-05T09:00:00+09:00', 'sc-2019-q3', 'P3D', true],
      ['2019-07-07T09:00:00+09:00', 'sc-2019-q3', 'P1D', true],
      ['2019-09-30T09:00:00+09:00', 'sc-2019-q4', 'P14D', true],
      ['2019-10-11T09:00:00+09:00', 'sc-2019-q4', 'P3D', true],
      ['2019-10-13T09:00:00+09:00', 'sc-2019-q4', 'P1D', true],
    ]);
  });

  it("for 2027, counts from the first day of the rule's week and marks the date unconfirmed", async () => {
    const plan = planReminders(
      await realKnowledgeBase(),
      slackEveryLanguage,
      SEOUL,
      ...window('2027-01-01', '2028-01-01'),
    );
    expect(
      plan.filter((r) => r.offset === 'P14D').map((r) => [r.meetingStart, r.at.toISODate(), r.dateConfirmed]),
    ).toEqual([
      ['2027-01-25', '2027-01-11', false],
      ['2027-04-24', '2027-04-10', false],
      ['2027-07-08', '2027-06-24', false],
      ['2027-10-22', '2027-10-08', false],
    ]);
  });

  it('keeps 09:00 local across a daylight-saving change, for a channel in Bilbao and one in Montreal', async () => {
    const settings: ReminderSettings = {
      offsets: ['P45D', 'P1D'],
      time: '09:00',
      targets: [
        { platform: 'discord', channel: 'bilbao', languages: ['es'], timeZone: 'Europe/Madrid' },
        { platform: 'slack', channel: 'montreal', languages: ['fr'], timeZone: 'America/Montreal' },
      ],
    };
    const plan = planReminders(await realKnowledgeBase(), settings, SEOUL, ...window('2027-03-01', '2027-05-01'));
    const q2 = (channel: string, offset: string) =>
      plan.find((r) => r.meeting.id === 'sc-2027-q2' && r.target.channel === channel && r.offset === offset)!;
    // 24 April 2027 minus 45 days is 10 March: before Europe's (28 March) and Montreal's (14 March) change.
    expect(q2('bilbao', 'P45D').at.toISO({ suppressMilliseconds: true })).toBe('2027-03-10T09:00:00+01:00');
    expect(q2('bilbao', 'P1D').at.toISO({ suppressMilliseconds: true })).toBe('2027-04-23T09:00:00+02:00');
    expect(q2('montreal', 'P45D').at.toISO({ suppressMilliseconds: true })).toBe('2027-03-10T09:00:00-05:00');
    expect(q2('montreal', 'P1D').at.toISO({ suppressMilliseconds: true })).toBe('2027-04-23T09:00:00-04:00');
  });

  it("gives a moved meeting new reminders: the key holds the meeting's day", async () => {
    const kb = await realKnowledgeBase();
    const before = planReminders(kb, slackEveryLanguage, SEOUL, ...window('2019-04-01', '2019-05-01'));
    const occurrence = kb.catalog.meetings.steeringCommittee.occurrences.find((o) => o.id === 'sc-2019-q2')!;
    const moved = structuredClone(kb.catalog);
    moved.meetings.steeringCommittee.occurrences = moved.meetings.steeringCommittee.occurrences.map((o) =>
      o.id === occurrence.id ? { ...o, when: { precision: 'day', start: '2019-04-29', end: '2019-04-30' } } : o,
    );
    const { KnowledgeBase } = await import('../../src/domain/knowledge-base.js');
    const after = planReminders(
      new KnowledgeBase(moved),
      slackEveryLanguage,
      SEOUL,
      ...window('2019-04-01', '2019-05-01'),
    );
    expect(before.map((r) => r.at.toISODate())).toEqual(['2019-04-11', '2019-04-22', '2019-04-24']);
    expect(after.map((r) => r.at.toISODate())).toEqual(['2019-04-15', '2019-04-26', '2019-04-28']);
    expect(after.map((r) => r.key)).not.toContain(before[0]!.key);
  });
});
