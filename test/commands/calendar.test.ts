import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseEventDate, type EventDate } from '../../src/domain/event-date.js';
import { KnowledgeBase } from '../../src/domain/knowledge-base.js';
import type { Lang } from '../../src/domain/vocabulary.js';
import { localeContext } from '../../src/i18n/locale-context.js';
import { Translator } from '../../src/i18n/translator.js';
import { toICalendar } from '../../src/presenters/ics.js';
import { ask, realCatalog } from '../support/test-bot.js';

/** The real calendar with its first event changed, as the presenter writes it in `lang`, parsed back. */
async function icsWithFirstEvent(lang: Lang, change: { when?: string; revision?: number }) {
  const data = await realCatalog();
  const [first, ...rest] = data.events.events;
  const when = change.when === undefined ? first!.when : (parseEventDate(change.when) as EventDate);
  const changed = { ...first!, when, revision: change.revision ?? first!.revision };
  const kb = new KnowledgeBase({ ...data, events: { ...data.events, events: [changed, ...rest] } });
  const ctx = { ...localeContext(new Translator(data.locales), lang, 'Asia/Seoul'), kb };
  const content = toICalendar(ctx, kb.events, DateTime.fromISO('2019-01-01T00:00:00Z'));
  const vevent = new ICAL.Component(ICAL.parse(content))
    .getAllSubcomponents('vevent')
    .find((e) => e.getFirstPropertyValue('uid') === `${first!.id}@gsef-bot`)!;
  return { content, vevent };
}

describe('calendar', () => {
  it('exports every calendar event, and each meeting without a row once, as all-day events a standard parser reads', async () => {
    const { reply } = await ask('2019-01-01', 'calendar');
    expect(reply.attachment).toMatchObject({ filename: 'gsef-calendar.ics', mediaType: 'text/calendar' });
    const calendar = new ICAL.Component(ICAL.parse(reply.attachment!.content));
    const events = calendar.getAllSubcomponents('vevent');
    const catalog = await realCatalog();
    // The 2019 meetings are the calendar's rows; the advisors' July meeting has none; then the rule's years.
    const meetings = [
      'advisors-2019-07',
      ...[2020, 2021].flatMap((year) => [1, 2, 3, 4].map((q) => `sc-${year}-q${q}`)),
    ];
    const uids = events.map((e) => e.getFirstPropertyValue('uid'));
    expect(uids).toHaveLength(catalog.events.events.length + meetings.length);
    expect(new Set(uids)).toEqual(
      new Set([...catalog.events.events.map((e) => e.id), ...meetings].map((id) => `${id}@gsef-bot`)),
    );
    for (const event of events) {
      expect(event.getFirstPropertyValue('status')).toBe('TENTATIVE');
      expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).isDate).toBe(true);
    }
  });

  it('ends an all-day range the day after its last day, and spans the month of an event known by its month', async () => {
    const { reply } = await ask('2019-01-01', 'calendar');
    const events = new ICAL.Component(ICAL.parse(reply.attachment!.content)).getAllSubcomponents('vevent');
    const byId = (id: string) => events.find((e) => e.getFirstPropertyValue('uid') === `${id}@gsef-bot`)!;
    const dakar = (await realCatalog()).events.events.find((e) => e.when.start === '2019-04-30')!;
    expect(String(byId(dakar.id).getFirstPropertyValue('dtstart'))).toBe('2019-04-30');
    expect(String(byId(dakar.id).getFirstPropertyValue('dtend'))).toBe('2019-05-06');
    const march = (await realCatalog()).events.events.find((e) => e.when.precision === 'month')!;
    expect(String(byId(march.id).getFirstPropertyValue('dtend'))).toBe('2019-04-01');
    expect(String(byId(march.id).getFirstPropertyValue('summary'))).toContain('date to be confirmed');
  });

  it('folds long lines at 75 octets without splitting a character', async () => {
    const { reply } = await ask('2019-01-01', 'calendar', 'fr');
    for (const line of reply.attachment!.content.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(reply.attachment!.content).not.toContain('\uFFFD');
  });

  it('has no METHOD, since the seed names no ORGANIZER that METHOD:PUBLISH would need', async () => {
    const { reply } = await ask('2019-01-01', 'calendar');
    const calendar = new ICAL.Component(ICAL.parse(reply.attachment!.content));
    expect(calendar.getFirstProperty('method')).toBeNull();
    expect(calendar.getAllSubcomponents('vevent').every((e) => e.getFirstProperty('organizer') === null)).toBe(true);
  });

  it('gives each event the SEQUENCE of its revision, so that a corrected date replaces the imported one', async () => {
    const { reply } = await ask('2019-01-01', 'calendar');
    const events = new ICAL.Component(ICAL.parse(reply.attachment!.content)).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('sequence'))).toEqual(events.map(() => 0));
    const corrected = await icsWithFirstEvent('en', { when: '2019-01-09', revision: 1 });
    expect(corrected.vevent.getFirstPropertyValue('sequence')).toBe(1);
    expect(String(corrected.vevent.getFirstPropertyValue('dtstart'))).toBe('2019-01-09');
  });

  it.each([
    ['en', 'second half of 2019', 'Only the half-year is known'],
    ['fr', 'second semestre 2019', 'Seul le semestre est connu'],
    ['es', 'segundo semestre de 2019', 'Solo se conoce el semestre'],
  ] as const)('says in %s that an event is known only by its half-year, and spans it', async (lang, period, note) => {
    const { vevent } = await icsWithFirstEvent(lang, { when: '2019-H2' });
    expect(String(vevent.getFirstPropertyValue('summary'))).toMatch(new RegExp(`\\(${period}\\)$`));
    expect(String(vevent.getFirstPropertyValue('description'))).toContain(note);
    expect(String(vevent.getFirstPropertyValue('description'))).toContain(period);
    expect(String(vevent.getFirstPropertyValue('dtstart'))).toBe('2019-07-01');
    expect(String(vevent.getFirstPropertyValue('dtend'))).toBe('2020-01-01');
  });

  it('uses CRLF for every line and ends with exactly one', async () => {
    const { content } = await icsWithFirstEvent('fr', { when: '2019-H1' });
    expect(content.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(content.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it("gives no file when no event matches, and says why in the asker's language", async () => {
    const { reply } = await ask('2019-01-01', 'calendar 2031', 'fr');
    expect(reply).toMatchObject({ status: 'empty', fileExpected: true });
    expect(reply.attachment).toBeUndefined();
    expect(reply.title).toBe((await realCatalog()).locales.fr.get('events.noneInPeriod'));
  });
});
