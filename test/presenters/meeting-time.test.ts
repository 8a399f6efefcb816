import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/domain/vocabulary.js';
import { localeContext } from '../../src/i18n/locale-context.js';
import { Translator } from '../../src/i18n/translator.js';
import { meetingTime } from '../../src/presenters/meeting-time.js';
import { realCatalog, realKnowledgeBase } from '../support/test-bot.js';
import { timedQ1 } from '../support/timed-meetings.js';

/** The time of a meeting on `day` at `time` in `zone`, written for a reader in `readerZone` (none: a channel's). */
async function timeOf(day: string, time: string, zone: string, readerZone?: string, lang: Lang = 'en') {
  const kb = await realKnowledgeBase();
  const ctx = {
    ...localeContext(new Translator((await realCatalog()).locales), lang, 'Asia/Seoul'),
    kb,
    ...(readerZone ? { readerZone } : {}),
  };
  const meeting = timedQ1(day, time, zone);
  return meetingTime(ctx, meeting.when.start, meeting)!;
}

const ZONES = ['Europe/Madrid', 'America/Montreal', 'Asia/Seoul'] as const;

describe("a meeting's time, for each reader", () => {
  it.each([
    [
      'an afternoon in Paris',
      ['2027-01-27', '14:00', 'Europe/Paris'],
      [
        'Wednesday, 27 January 2027, 14:00–16:00 (Europe/Madrid)',
        'Wednesday, 27 January 2027, 08:00–10:00 (America/Montreal)',
        'Wednesday, 27 January 2027, 22:00–00:00 (Asia/Seoul)',
      ],
    ],
    [
      'an evening in Montreal, the next day in Madrid and Seoul',
      ['2027-01-27', '20:00', 'America/Montreal'],
      [
        'Thursday, 28 January 2027, 02:00–04:00 (Europe/Madrid)',
        undefined,
        'Thursday, 28 January 2027, 10:00–12:00 (Asia/Seoul)',
      ],
    ],
    [
      'a morning in Seoul, the day before in Montreal',
      ['2027-01-27', '08:00', 'Asia/Seoul'],
      [
        'Wednesday, 27 January 2027, 00:00–02:00 (Europe/Madrid)',
        'Tuesday, 26 January 2027, 18:00–20:00 (America/Montreal)',
        undefined,
      ],
    ],
    [
      'Paris between the American and the European change to summer time',
      ['2027-03-22', '14:00', 'Europe/Paris'],
      [
        'Monday, 22 March 2027, 14:00–16:00 (Europe/Madrid)',
        'Monday, 22 March 2027, 09:00–11:00 (America/Montreal)',
        'Monday, 22 March 2027, 22:00–00:00 (Asia/Seoul)',
      ],
    ],
    [
      'Paris once both are on summer time',
      ['2027-03-29', '14:00', 'Europe/Paris'],
      [
        'Monday, 29 March 2027, 14:00–16:00 (Europe/Madrid)',
        'Monday, 29 March 2027, 08:00–10:00 (America/Montreal)',
        'Monday, 29 March 2027, 21:00–23:00 (Asia/Seoul)',
      ],
    ],
  ] as const)('%s', async (_case, [day, time, zone], expected) => {
    const organiser = (await timeOf(day, time, zone)).organiser;
    for (const [i, reader] of ZONES.entries()) {
      const written = await timeOf(day, time, zone, reader);
      expect(written.organiser).toBe(organiser);
      // The organiser's own zone needs no second writing.
      expect(written.text).toBe(
        expected[i] === undefined ? organiser : `${expected[i]}, your time · ${organiser} for the organiser`,
      );
    }
  });

  it('holds the instant itself, the same for every reader, and the end two hours later across a change to summer time', async () => {
    // Montreal moves its clocks from 02:00 to 03:00 on 14 March 2027: a meeting from 01:00 ends at 04:00.
    const written = await timeOf('2027-03-14', '01:00', 'America/Montreal', 'Asia/Seoul');
    expect(written).toMatchObject({
      type: 'time',
      start: Date.parse('2027-03-14T06:00:00Z'),
      end: Date.parse('2027-03-14T08:00:00Z'),
      organiser: '01:00–04:00 (America/Montreal)',
      text: 'Sunday, 14 March 2027, 15:00–17:00 (Asia/Seoul), your time · 01:00–04:00 (America/Montreal) for the organiser',
    });
    const forChannel = await timeOf('2027-03-14', '01:00', 'America/Montreal');
    expect(forChannel.start).toBe(written.start);
    expect(forChannel.end).toBe(written.end);
  });

  it("falls back, where a chat token cannot be shown, to the reader's time, else to the organiser's, naming the zone", async () => {
    expect((await timeOf('2027-01-27', '14:00', 'Europe/Paris', 'Asia/Seoul')).fallback).toEqual({
      start: 'Wednesday, 27 January 2027, 22:00',
      end: '00:00 (Asia/Seoul)',
    });
    expect((await timeOf('2027-01-27', '14:00', 'Europe/Paris')).fallback).toEqual({
      start: 'Wednesday, 27 January 2027, 14:00',
      end: '16:00 (Europe/Paris)',
    });
  });

  it('writes it in French and in Spanish', async () => {
    expect((await timeOf('2027-01-27', '20:00', 'America/Montreal', 'Europe/Madrid', 'fr')).text).toBe(
      "jeudi 28 janvier 2027, 02:00–04:00 (Europe/Madrid), chez vous · 20:00–22:00 (America/Montreal) chez l'organisateur",
    );
    expect((await timeOf('2027-01-27', '20:00', 'America/Montreal', 'Europe/Madrid', 'es')).text).toBe(
      'jueves, 28 de enero de 2027, 02:00–04:00 (Europe/Madrid), su hora · 20:00–22:00 (America/Montreal), hora del organizador',
    );
  });
});
