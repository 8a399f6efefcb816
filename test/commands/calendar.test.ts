import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { ask, realCatalog } from '../support/test-bot.js';

describe('calendar', () => {
  it('exports every calendar event as an all-day iCalendar event that a standard parser reads', async () => {
    const { reply } = await ask('2019-01-01', 'calendar');
    expect(reply.attachment).toMatchObject({ filename: 'gsef-calendar.ics', mediaType: 'text/calendar' });
    const calendar = new ICAL.Component(ICAL.parse(reply.attachment!.content));
    const events = calendar.getAllSubcomponents('vevent');
    const catalog = await realCatalog();
    expect(events).toHaveLength(catalog.events.events.length);
    expect(new Set(events.map((e) => e.getFirstPropertyValue('uid')))).toEqual(
      new Set(catalog.events.events.map((e) => `${e.id}@gsef-bot`)),
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
});
