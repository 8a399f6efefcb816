import { describe, expect, it } from 'vitest';
import { withFrenchSpacing } from '../../src/catalog/french-spacing.js';
import type { EventDate } from '../../src/domain/event-date.js';
import { formatDay, formatEventDate } from '../../src/i18n/format-date.js';
import { Translator } from '../../src/i18n/translator.js';
import { capitalized, frenchSpacing, labelled, ordinal, quoted } from '../../src/i18n/typography.js';
import { realCatalog } from '../support/test-bot.js';

const NBSP = '\u00a0';

describe('frenchSpacing', () => {
  it('puts one no-break space before : ; ! ? whatever space the text had, or none', () => {
    expect(frenchSpacing('Lancement du projet: équipe ; terrain ! Vraiment ?')).toBe(
      `Lancement du projet${NBSP}: équipe${NBSP}; terrain${NBSP}! Vraiment${NBSP}?`,
    );
    expect(frenchSpacing('Note\u202f: voir\u2009; fin\u00a0!')).toBe(`Note${NBSP}: voir${NBSP}; fin${NBSP}!`);
    expect(frenchSpacing('Quoi ?!')).toBe(`Quoi${NBSP}?!`);
  });

  it('leaves alone a mark that is not French punctuation: a URL, a time, a query', () => {
    const text = 'Voir https://gsef-net.org/a?b=1 à 10:30, ou mailto:x@y.org';
    expect(frenchSpacing(text)).toBe(text);
  });

  it('spaces « » inside with no-break spaces and turns “English quotes” into « »', () => {
    expect(frenchSpacing('le lieu «Medelline» et « Séoul » puis “OCDE”')).toBe(
      `le lieu «${NBSP}Medelline${NBSP}» et «${NBSP}Séoul${NBSP}» puis «${NBSP}OCDE${NBSP}»`,
    );
    expect(frenchSpacing('« etc » : fermée ?»')).toBe(`«${NBSP}etc${NBSP}»${NBSP}: fermée${NBSP}?${NBSP}»`);
  });

  it('changes nothing more when applied twice', () => {
    const once = frenchSpacing('Le document dit « 2020 » ; le calendrier: “2019” !');
    expect(frenchSpacing(once)).toBe(once);
  });
});

describe('the data’s French texts', () => {
  it('are spaced by the French rule when the catalog is loaded; English and Spanish are not touched', () => {
    const data = {
      note: { en: 'Note: see', fr: 'Note: voir « ici »', es: 'Nota: ver' },
      list: [{ en: 'a ; b', fr: 'a ; b', es: 'a ; b' }],
      other: { fr: 'not a text in three languages: left alone' },
    };
    expect(withFrenchSpacing(data)).toEqual({
      note: { en: 'Note: see', fr: `Note${NBSP}: voir «${NBSP}ici${NBSP}»`, es: 'Nota: ver' },
      list: [{ en: 'a ; b', fr: `a${NBSP}; b`, es: 'a ; b' }],
      other: { fr: 'not a text in three languages: left alone' },
    });
  });

  it('are shown so in the seed’s data: its "Lancement du projet:" reads "Lancement du projet :"', async () => {
    const { programmes } = await realCatalog();
    const texts = JSON.stringify(programmes);
    expect(texts).toContain(`Lancement du projet${NBSP}: constitution`);
    expect(texts).not.toContain('Lancement du projet:');
  });
});

describe('labelled and quoted', () => {
  it('join a label and its value, and mark a quotation, as each language does', () => {
    expect(labelled('fr', 'Lieu', 'Paris')).toBe(`Lieu${NBSP}: Paris`);
    expect(labelled('en', 'Place', 'Paris')).toBe('Place: Paris');
    expect(labelled('es', 'Lugar', 'París')).toBe('Lugar: París');
    expect(quoted('fr', 'Forum')).toBe(`«${NBSP}Forum${NBSP}»`);
    expect(quoted('es', 'Foro')).toBe('«Foro»');
    expect(quoted('en', 'Forum')).toBe('“Forum”');
  });
});

describe('ordinal', () => {
  it('agrees with its noun in French and Spanish', () => {
    expect([1, 2, 5].map((n) => ordinal('fr', n, 'masculine'))).toEqual(['1er', '2e', '5e']);
    expect([1, 2, 5].map((n) => ordinal('fr', n, 'feminine'))).toEqual(['1re', '2e', '5e']);
    expect([1, 2, 5].map((n) => ordinal('es', n, 'masculine'))).toEqual(['1.º', '2.º', '5.º']);
    expect([1, 2, 5].map((n) => ordinal('es', n, 'feminine'))).toEqual(['1.ª', '2.ª', '5.ª']);
  });

  it('takes English suffixes, teens included', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map((n) => ordinal('en', n, 'feminine'))).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });
});

describe('capitalized', () => {
  it('capitalises the first letter only', () => {
    expect(capitalized('fr', 'français')).toBe('Français');
    expect(capitalized('es', 'español')).toBe('Español');
    expect(capitalized('fr', '')).toBe('');
  });
});

describe('dates in French', () => {
  const day = (start: string, end = start): EventDate => ({ precision: 'day', start, end });

  it('write the first of a month 1er, in a day, a range and a range across months', async () => {
    const translator = new Translator((await realCatalog()).locales);
    expect(formatEventDate(day('2019-07-01'), 'fr', translator)).toBe('1er juillet 2019');
    expect(formatEventDate(day('2019-04-01', '2019-04-05'), 'fr', translator)).toBe('1er–5 avril 2019');
    expect(formatEventDate(day('2019-06-30', '2019-07-01'), 'fr', translator)).toBe('30 juin – 1er juillet 2019');
    expect(formatDay('2026-11-01', 'fr')).toBe('1er novembre 2026');
  });

  it('leave other days, and other languages, as they are', async () => {
    const translator = new Translator((await realCatalog()).locales);
    expect(formatEventDate(day('2019-07-11'), 'fr', translator)).toBe('11 juillet 2019');
    expect(formatEventDate(day('2019-07-21'), 'fr', translator)).toBe('21 juillet 2019');
    expect(formatEventDate(day('2019-07-01'), 'en', translator)).toBe('1 July 2019');
    expect(formatDay('2019-07-01', 'es')).toBe('1 de julio de 2019');
  });
});
