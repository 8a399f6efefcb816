import { beforeAll, describe, expect, it } from 'vitest';
import { languageWordsOf } from '../../src/news/create-news-service.js';
import { detectLanguage, type LanguageWords } from '../../src/i18n/detect-language.js';
import { realCatalog } from '../support/test-bot.js';

let words: LanguageWords;
beforeAll(async () => {
  words = languageWordsOf(await realCatalog());
});

describe('the language of a news item', () => {
  it.each([
    ['en', 'The City of Bamako opens its first incubator for the social economy.'],
    ['en', 'Montreal has funded twelve new cooperatives this year, with the support of the Chantier.'],
    ['fr', "La ville de Bamako ouvre son premier incubateur d'économie sociale."],
    ['fr', 'Les coopératives de Montréal se réunissent à Bilbao pour le forum.'],
    ['fr', 'Séoul accueillera le prochain forum ; les inscriptions sont ouvertes.'],
    ['es', 'La ciudad de Barranquilla abre su primer foro de economía social con las cooperativas.'],
    ['es', 'El foro de Bilbao será en octubre: ¡inscríbase ya!'],
    ['es', 'Los municipios de México y Colombia firmaron un acuerdo sobre la economía solidaria.'],
  ])('reads %s in "%s"', (lang, text) => {
    expect(detectLanguage(text, words)).toBe(lang);
  });

  it.each(['12 cooperatives: 2026 numbers published today', 'GSEF 2021 Mexico City', 'la de son', ''])(
    'does not guess from "%s" (too short or too mixed): the author\'s language is used',
    (text) => {
      expect(detectLanguage(text, words)).toBeUndefined();
    },
  );
});
