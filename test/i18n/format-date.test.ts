import { describe, expect, it } from 'vitest';
import type { EventDate } from '../../src/domain/event-date.js';
import type { Lang } from '../../src/domain/vocabulary.js';
import { formatEventDate } from '../../src/i18n/format-date.js';
import { Translator } from '../../src/i18n/translator.js';
import { realCatalog } from '../support/test-bot.js';

const monthDayUnknown = (): EventDate => ({
  precision: 'month-day-unknown',
  start: '2019-02-01',
  end: '2019-02-28',
  year: 2019,
  month: 2,
});

describe('formatEventDate', () => {
  it('words a date with each translator’s own messages, the same date object or an equal one', async () => {
    const { locales } = await realCatalog();
    const reworded = new Map(locales.en).set('date.monthDayUnknown', '{month}, day unknown');
    const original = new Translator(locales);
    const other = new Translator({ ...locales, en: reworded } as Record<Lang, ReadonlyMap<string, string | string[]>>);
    const date = monthDayUnknown();
    for (let i = 0; i < 2; i++) {
      expect(formatEventDate(date, 'en', original)).toBe('February 2019 (day to be confirmed)');
      expect(formatEventDate(date, 'en', other)).toBe('February 2019, day unknown');
      expect(formatEventDate(monthDayUnknown(), 'en', other)).toBe('February 2019, day unknown');
      expect(formatEventDate(monthDayUnknown(), 'en', original)).toBe('February 2019 (day to be confirmed)');
    }
  });

  it('words one date object in each language', async () => {
    const translator = new Translator((await realCatalog()).locales);
    const date: EventDate = { precision: 'day', start: '2019-07-01', end: '2019-07-03' };
    expect(formatEventDate(date, 'en', translator)).toBe('1 – 3 July 2019');
    expect(formatEventDate(date, 'fr', translator)).toBe('1er–3 juillet 2019');
    expect(formatEventDate(date, 'es', translator)).toBe('1–3 de julio de 2019');
  });
});
