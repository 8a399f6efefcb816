import { describe, expect, it } from 'vitest';
import { ask, itemTitles } from '../support/test-bot.js';

describe('next-event', () => {
  it('on 10 May 2019 names the two Bamako events of 13-17 May', async () => {
    const { reply, text } = await ask('2019-05-10', 'next-event');
    expect(reply.status).toBe('ok');
    expect(itemTitles(reply)).toEqual(['RENAPESS General Assembly', 'Africa Policy Dialogue']);
    expect(text).toContain('13 – 17 May 2019');
    expect(text).toContain('Bamako, Mali');
    expect(text).toContain('To be confirmed');
  });

  it('shows events in progress as happening now, then the next to start', async () => {
    const { reply } = await ask('2019-05-14', '/gsef next-event');
    const [now, next] = reply.blocks.filter((b) => b.type === 'list');
    expect(now).toMatchObject({ heading: 'Happening now' });
    expect(itemTitles({ ...reply, blocks: [now!] })).toEqual(['RENAPESS General Assembly', 'Africa Policy Dialogue']);
    expect(itemTitles({ ...reply, blocks: [next!] })).toEqual(['UNTF SSE International Forum']);
  });

  it('lists an event whose day is unknown up to the first dated one, and says its day is to be confirmed', async () => {
    const { reply, text } = await ask('2019-05-20', 'next-event africa');
    expect(itemTitles(reply)).toEqual([
      'Training workshops for East and Southern Africa',
      expect.stringContaining('UCLG World Congress'),
    ]);
    expect(text).toContain('August 2019 (day to be confirmed)');
    expect(text).toContain('Understood: region Africa');
  });

  it('filters by city, in any language and without accents', async () => {
    for (const [lang, filter] of [
      ['en', 'seoul'],
      ['fr', 'Séoul'],
      ['es', 'seúl'],
    ] as const) {
      const { reply } = await ask('2019-02-01', `next-event ${filter}`, lang);
      expect(reply.status).toBe('ok');
      expect(reply.blocks.some((b) => b.type === 'list' && b.items.length > 0)).toBe(true);
    }
    const { text } = await ask('2019-02-01', 'next-event seoul');
    expect(text).toContain('Visit of the C.I.T.I.E.S. team');
  });

  it('filters by month: the next event of September 2019 seen from May', async () => {
    const { reply } = await ask('2019-05-01', 'next-event septembre');
    expect(itemTitles(reply)).toEqual([expect.stringMatching(/capacity-building workshop/i)]);
  });

  it('answers in French and Spanish with dates in that language', async () => {
    const fr = await ask('2019-05-10', 'next-event', 'fr');
    expect(itemTitles(fr.reply)).toContain('Dialogue Politique Afrique');
    expect(fr.text).toContain('mai 2019');
    const es = await ask('2019-05-10', 'next-event', 'es');
    expect(es.text).toContain('mayo de 2019');
  });

  it('after the 2019 programme, says nothing is upcoming and what the calendar covers', async () => {
    const { reply, text } = await ask('2026-11-25', 'next-event');
    expect(reply.status).toBe('empty');
    expect(text).toContain('The calendar holds 34 events');
    expect(text).toContain('events 2019-01');
  });

  it('says what a filter understood when nothing matches it', async () => {
    const { reply, text } = await ask('2019-05-10', 'next-event zanzibar');
    expect(reply.status).toBe('empty');
    expect(text).toContain('words "zanzibar"');
  });
});
