import { describe, expect, it } from 'vitest';
import { ask, itemTitles } from '../support/test-bot.js';

describe('agenda', () => {
  it('on 25 November 2026 gives Q1 2027: last week of January, online, agenda to be set', async () => {
    const { reply, text } = await ask('2026-11-25', 'agenda');
    expect(reply.title).toBe('Steering Committee, Q1 2027');
    expect(text).toContain('last week of January 2027 (25 – 31 January 2027), exact date to be confirmed');
    expect(text).toContain('Online');
    // Not 2019's items: they were that year's business (see agendaFor), and the reminder says the same.
    expect(text).toContain('The agenda for 2027 is not set yet.');
    expect(text).not.toContain('GSEF 2020');
  });

  it("in July 2019 gives the Mexico City meeting and the table's Medellín version", async () => {
    const { reply, text } = await ask('2019-07-01', 'agenda next');
    expect(reply.title).toBe('Steering Committee, Q3 2019');
    expect(text).toContain('8 – 9 July 2019');
    expect(text).toContain('Mexico City');
    expect(text).toContain('Medellín');
    expect(itemTitles(reply)).toContainEqual(expect.stringMatching(/^1\. .*GSEF 2020/));
  });

  it('names a quarter, in the current or a given year, and a month', async () => {
    expect((await ask('2019-01-01', 'agenda Q4')).text).toContain('22 – 28 October 2019');
    expect((await ask('2019-01-01', 'agenda Q2 2030')).reply.title).toBe('Steering Committee, Q2 2030');
    expect((await ask('2019-01-01', 'agenda 2027-07')).text).toContain('second week of July 2027');
  });

  it('answers in French and Spanish', async () => {
    expect((await ask('2026-11-25', 'agenda', 'fr')).text).toMatch(
      /janvier 2027.*dernière semaine|dernière semaine.*janvier 2027/,
    );
    expect((await ask('2026-11-25', 'agenda', 'es')).text).toContain('enero de 2027');
  });

  it('punctuates labels as each language does: "Date\u00a0: …" in French, "Fecha: …" in Spanish', async () => {
    expect((await ask('2026-11-25', 'agenda', 'fr')).text).toContain('\nDate\u00a0: janvier 2027, dernière semaine');
    expect((await ask('2026-11-25', 'agenda', 'es')).text).toMatch(/\nFecha: /);
  });

  it('refuses what it cannot read, with the usage', async () => {
    const { reply } = await ask('2019-01-01', 'agenda Q7');
    expect(reply.status).toBe('invalid');
  });

  it('says when a month has no meeting', async () => {
    const { reply } = await ask('2019-01-01', 'agenda 2027-03');
    expect(reply.status).toBe('empty');
  });
});

describe('meetings', () => {
  it("lists the four steering-committee meetings and the two advisors' meetings of 2019", async () => {
    const { reply, text } = await ask('2019-01-01', 'meetings');
    expect(itemTitles(reply).filter((t) => t.startsWith('Steering Committee'))).toHaveLength(4);
    expect(text).toContain('18 – 22 February 2019');
    expect(text).toContain('Medellín');
  });

  it("in a later year, gives the rule's weeks and says the advisors' dates are to be confirmed", async () => {
    const { text } = await ask('2027-01-01', 'meetings');
    expect(text).toContain('fourth week of October 2027');
    expect(text).toContain('to be confirmed');
  });
});
