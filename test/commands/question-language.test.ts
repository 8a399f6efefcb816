import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/domain/asker.js';
import { renderText } from '../../src/reply/render-text.js';
import { botAt, member } from '../support/test-bot.js';

const NOW = '2019-03-01';

describe('the language of an answer to someone who chose none', () => {
  it.each([
    ['membres en afrique', 'fr', 'Ville de Bamako'],
    ['quels membres en Afrique ?', 'fr', 'Ville de Bamako'],
    ['miembros de áfrica', 'es', 'Ciudad de Bamako'],
    ['eventos en julio', 'es', 'Diálogo Político de América Latina'],
    ['évènements juillet 2019', 'fr', 'Dialogue Politique Amérique Latine'],
    ['prochain évènement', 'fr', 'Signature du contrat pour le projet de recherche'],
    ['orden del día', 'es', 'Comité Directivo'],
    ['members africa', 'en', 'City of Bamako'],
  ])('"%s" is answered in %s', async (question, lang, fact) => {
    const reply = await (await botAt(NOW)).answer(question, member);
    expect(reply.lang).toBe(lang);
    expect(JSON.stringify(reply)).toContain(fact);
  });

  it('follows the question over the platform locale', async () => {
    const spanishLocale: Asker = { ...member, locale: 'es-ES' };
    expect((await (await botAt(NOW)).answer('membres en afrique', spanishLocale)).lang).toBe('fr');
  });

  it('keeps the platform locale when the question shows no language ("agenda", a name)', async () => {
    const spanishLocale: Asker = { ...member, locale: 'es-ES' };
    const bot = await botAt(NOW);
    expect((await bot.answer('agenda', spanishLocale)).lang).toBe('es');
    expect((await bot.answer('member ripess', spanishLocale)).lang).toBe('es');
  });

  it('keeps the language the asker chose with `lang`', async () => {
    const bot = await botAt(NOW);
    await bot.answer('lang en', member);
    expect((await bot.answer('membres en afrique', member)).lang).toBe('en');
  });

  it("keeps the asker's language for a command that writes: news in French from an English speaker", async () => {
    const bot = await botAt(NOW);
    const reply = await bot.answer(
      "news La ville de Bamako ouvre son premier incubateur d'économie sociale avec douze coopératives.",
      member,
    );
    expect(reply.lang).toBe('en');
  });

  it('answers a question it cannot read in the language it is written in', async () => {
    const reply = await (await botAt(NOW)).answerQuestion('bonjour, pouvez-vous m’aider avec ça ?', member);
    expect(reply.status).toBe('empty');
    expect(reply.lang).toBe('fr');
  });
});

describe('what is typed, before it is read', () => {
  it('loses its controls and invisible characters, which come back in no answer', async () => {
    const bot = await botAt(NOW);
    const reply = await bot.answer('event \u0001\u200b\u202eabc', member);
    expect(reply.title).toBe('No event matches "abc".');
    for (const hidden of ['\u0001', '\u200b', '\u202e']) expect(renderText(reply)).not.toContain(hidden);
    // A name split by a zero-width space or a soft hyphen is read whole.
    expect((await bot.answer('mem\u200bbers afri\u00adca', member)).title).toBe('1 match in the directory');
  });

  it('is refused unread when longer than any command, question or not', async () => {
    const reply = await (await botAt(NOW)).answerQuestion('quand '.repeat(300), member);
    expect(reply.status).toBe('invalid');
    expect(reply.title).toContain('1,000');
  });
});

describe('a question the bot cannot read, typed where a command was expected', () => {
  it('gets the short help with examples, not "unknown command Who"', async () => {
    const bot = await botAt(NOW);
    const reply = await bot.answer('Who sings?', member);
    expect(reply.status).toBe('empty');
    expect(reply.title).toBe(bot.t('en', 'question.notUnderstood'));
    expect((await bot.answer('¿quién canta hoy?', member)).title).toBe(bot.t('es', 'question.notUnderstood'));
    // A misspelt command is still pointed to the right one.
    expect((await bot.answer('nxt-event africa', member)).title).toBe(
      bot.t('en', 'errors.unknownCommand', { typed: 'nxt-event' }),
    );
  });

  it('reads "co-chairs" as the co-presidents', async () => {
    const reply = await (await botAt(NOW)).answer('Who co-chairs GSEF?', member);
    expect(renderText(reply)).toContain('Mexico City Government');
    expect(renderText(reply)).not.toContain('City of Montreal');
  });
});
