import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/catalog/load-catalog.js';
import { EVENT_CRITERIA, nextEvents } from '../../src/domain/event-queries.js';
import { KnowledgeBase } from '../../src/domain/knowledge-base.js';
import { parseFilter } from '../../src/domain/search/filter.js';
import type { Lang } from '../../src/domain/vocabulary.js';
import { localeContext } from '../../src/i18n/locale-context.js';
import { Translator } from '../../src/i18n/translator.js';
import { caveatNotes } from '../../src/presenters/caveats.js';
import { eventItem } from '../../src/presenters/event.js';
import { toICalendar } from '../../src/presenters/ics.js';
import { prepareText } from '../../src/presenters/meeting-agenda.js';
import { plainText } from '../../src/reply/reply.js';
import { realCatalog } from '../support/test-bot.js';
import { timedQ1, withOccurrence } from '../support/timed-meetings.js';

/** A 2027 first-quarter meeting, confirmed on 27 January at 14:00 in Paris for two hours, to join online. */
const confirmedQ1 = timedQ1('2027-01-27', '14:00', 'Europe/Paris');

function contextOf(data: Catalog, kb: KnowledgeBase, lang: Lang) {
  return { ...localeContext(new Translator(data.locales), lang, 'Asia/Seoul'), kb };
}

/** `next-event <words>` on a day, as the command finds and shows it. */
function nextMeetings(data: Catalog, kb: KnowledgeBase, today: string, words: string, lang: Lang = 'en') {
  const ctx = contextOf(data, kb, lang);
  const { happeningNow, next } = nextEvents(kb, today, parseFilter(words, kb.dictionary, EVENT_CRITERIA));
  const matches = [...happeningNow, ...next];
  return {
    items: matches.map((m) => eventItem(ctx, m)),
    caveats: caveatNotes(
      ctx,
      matches.map((m) => m.indexed),
    ),
  };
}

/**
 * The VEVENT of `uid`, read by ical.js as a calendar application reads the file: the file's own
 * VTIMEZONEs registered first (ical.js knows no zone by name), so that its times are placed by them.
 */
function eventOf(content: string, uid: string): ICAL.Component {
  const calendar = new ICAL.Component(ICAL.parse(content));
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar.getAllSubcomponents('vevent').find((e) => e.getFirstPropertyValue('uid') === uid)!;
}

/** A timed property's instant, in UTC, as the file's VTIMEZONE places it. */
function instantOf(vevent: ICAL.Component, property: string): string {
  const time = vevent.getFirstPropertyValue(property) as ICAL.Time;
  return new Date(time.toUnixTime() * 1000).toISOString();
}

describe('meetings as events', () => {
  it("knows the rule's meetings through the year after the data's latest, or through the year asked", async () => {
    const data = await realCatalog();
    expect(new KnowledgeBase(data).throughYear).toBe(2021);
    const kb = new KnowledgeBase(data, { throughYear: 2027 });
    expect(kb.throughYear).toBe(2027);
    expect(kb.eventById('sc-2027-q4')).toBeDefined();
    expect(kb.eventById('sc-2028-q1')).toBeUndefined();
    // The 2019 occurrences are the calendar's rows: never a second time.
    expect(kb.eventById('sc-2019-q1')).toBeUndefined();
    expect(kb.eventById('sc-call-2019-q1')?.meeting?.meeting.id).toBe('sc-2019-q1');
  });

  it.each([
    ['en', 'meeting', 'last week of January 2027 · date to be confirmed · Online'],
    ['fr', 'réunion', 'janvier 2027, dernière semaine · date à confirmer · En ligne'],
    ['es', 'reunión', 'última semana de enero de 2027 · fecha por confirmar · En línea'],
  ] as const)(
    'on 30 November 2026 gives in %s the Q1 2027 meeting, its week only, without the 2019 caveat',
    async (lang, word, line) => {
      const data = await realCatalog();
      const { items, caveats } = nextMeetings(
        data,
        new KnowledgeBase(data, { throughYear: 2027 }),
        '2026-11-30',
        word,
        lang,
      );
      expect(items.map((i) => i.title)).toEqual([expect.stringMatching(/Q1 2027|T1 2027/)]);
      expect(items[0]!.details[0]).toBe(line);
      expect(caveats).toEqual([]);
    },
  );

  it('shows the 2019 caveat with 2019 events only', async () => {
    const data = await realCatalog();
    const { caveats } = nextMeetings(data, new KnowledgeBase(data), '2019-01-01', 'meeting');
    expect(caveats).toEqual([
      { type: 'note', text: 'Most dates and places of the 2019 programme are to be confirmed.' },
    ]);
  });

  it('gives a confirmed meeting its time with its zone and its link, in answers and in the .ics', async () => {
    const data = withOccurrence(await realCatalog(), confirmedQ1);
    const kb = new KnowledgeBase(data);
    const { items } = nextMeetings(data, kb, '2026-11-30', 'meeting');
    expect(items[0]!.details.map(plainText)).toEqual([
      '27 January 2027 · Online',
      '14:00–16:00 (Europe/Paris)',
      'Join: https://meet.example.org/gsef',
      'Statutory meeting · Confirmed',
    ]);
    const content = toICalendar(contextOf(data, kb, 'en'), kb.events, DateTime.fromISO('2026-11-30T00:00:00Z'));
    expect(content).toContain(
      '\r\nDTSTART;TZID=Europe/Paris:20270127T140000\r\nDTEND;TZID=Europe/Paris:20270127T160000\r\n',
    );
    const vevent = eventOf(content, 'sc-2027-q1@gsef-bot');
    expect(instantOf(vevent, 'dtstart')).toBe('2027-01-27T13:00:00.000Z');
    expect(instantOf(vevent, 'dtend')).toBe('2027-01-27T15:00:00.000Z');
    expect(vevent.getFirstPropertyValue('url')).toBe('https://meet.example.org/gsef');
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    // Dated and confirmed since the rule's week was exported: calendar applications replace it.
    expect(vevent.getFirstPropertyValue('sequence')).toBe(2);
    expect(String(vevent.getFirstPropertyValue('description'))).not.toContain('2019 programme');
  });

  it.each([
    ['America/Montreal', '2027-03-14', '01:00', '2027-03-14T06:00:00.000Z', '2027-03-14T08:00:00.000Z'],
    ['Asia/Seoul', '2027-01-27', '08:00', '2027-01-26T23:00:00.000Z', '2027-01-27T01:00:00.000Z'],
    ['Europe/Madrid', '2027-10-31', '01:30', '2027-10-30T23:30:00.000Z', '2027-10-31T01:30:00.000Z'],
  ])(
    'places a meeting in %s on %s at %s at its instant through the .ics VTIMEZONE, across a change of offset',
    async (zone, day, time, start, end) => {
      const data = withOccurrence(await realCatalog(), timedQ1(day, time, zone));
      const kb = new KnowledgeBase(data);
      const content = toICalendar(contextOf(data, kb, 'en'), kb.events, DateTime.fromISO('2026-11-30T00:00:00Z'));
      expect(content).toContain(`\r\nDTSTART;TZID=${zone}:${day.replaceAll('-', '')}T${time.replace(':', '')}00\r\n`);
      const vevent = eventOf(content, 'sc-2027-q1@gsef-bot');
      expect([instantOf(vevent, 'dtstart'), instantOf(vevent, 'dtend')]).toEqual([start, end]);
    },
  );

  it("marks a rule meeting's week in the .ics as a date to be confirmed", async () => {
    const data = await realCatalog();
    const kb = new KnowledgeBase(data, { throughYear: 2027 });
    const content = toICalendar(contextOf(data, kb, 'en'), kb.events, DateTime.fromISO('2026-11-30T00:00:00Z'));
    const vevent = new ICAL.Component(ICAL.parse(content))
      .getAllSubcomponents('vevent')
      .find((e) => e.getFirstPropertyValue('uid') === 'sc-2027-q1@gsef-bot')!;
    expect(vevent.getFirstPropertyValue('summary')).toBe('Steering Committee, Q1 2027 (date to be confirmed)');
    expect(String(vevent.getFirstPropertyValue('dtstart'))).toBe('2027-01-25');
    expect(String(vevent.getFirstPropertyValue('description'))).toContain('exact date to be confirmed');
  });
});

describe('what a reminder asks members to prepare', () => {
  const meeting = (kb: KnowledgeBase, id: string) => kb.eventById(id)!.meeting!;

  it("names the agenda's suggestions item by its number and words", async () => {
    const data = await realCatalog();
    const kb = new KnowledgeBase(data);
    expect(prepareText(contextOf(data, kb, 'en'), meeting(kb, 'sc-call-2019-q1'))).toContain(
      'for item 3 (“Suggestions, latest news, exchanges between members, etc.”)',
    );
  });

  it("follows a meeting's own agenda, and says only to confirm attendance without an agenda", async () => {
    const data = await realCatalog();
    const sc = data.meetings.steeringCommittee;
    const ownAgenda = {
      year: 2027,
      meeting: 'sc-2027-q2',
      items: [{ en: 'Budget', fr: 'Budget', es: 'Presupuesto' }],
    };
    const changed = {
      ...data,
      meetings: { ...data.meetings, steeringCommittee: { ...sc, agendas: [...sc.agendas, ownAgenda] } },
    };
    const kb = new KnowledgeBase(changed, { throughYear: 2027 });
    for (const lang of ['en', 'fr', 'es'] as const) {
      const ctx = contextOf(changed, kb, lang);
      expect(prepareText(ctx, meeting(kb, 'sc-2027-q2'))).toBe(ctx.t('reminder.prepare'));
      expect(prepareText(ctx, meeting(kb, 'sc-2027-q1'))).toBe(ctx.t('reminder.prepareNoAgenda'));
    }
  });
});
