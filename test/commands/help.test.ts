import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { LANGS } from '../../src/domain/vocabulary.js';
import type { Asker } from '../../src/domain/asker.js';
import type { Lang } from '../../src/domain/vocabulary.js';
import { renderText } from '../../src/reply/render-text.js';
import { ask, botAt, itemTitles } from '../support/test-bot.js';

describe('help and unknown commands', () => {
  it('lists every command', async () => {
    const { reply } = await ask('2019-01-01', 'help');
    expect(itemTitles(reply)).toHaveLength(COMMANDS.length);
  });

  it('explains one command with examples', async () => {
    const { text } = await ask('2019-01-01', 'help agenda', 'es');
    expect(text).toContain('agenda T3');
  });

  it.each(['fr', 'es'] as const)('names quarters in %s as T1..T4 in every meeting command, not Q', async (lang) => {
    for (const command of ['agenda', 'rsvp', 'attendance', 'minutes']) {
      const { text } = await ask('2019-01-01', `help ${command}`, lang);
      expect(text, command).toMatch(/\bT[1-4]\b/);
      expect(text, command).not.toMatch(/\bQ[1-4]\b/);
    }
  });

  it('suggests the command meant by a misspelling', async () => {
    const { reply, text } = await ask('2019-01-01', 'nxt-event africa');
    expect(reply.status).toBe('invalid');
    expect(text).toContain('next-event');
  });

  it('names commands the way they are typed where the asker is', async () => {
    const bot = await botAt('2019-01-01');
    const asked = (platform: Asker['platform'], text: string, lang: Lang) =>
      bot.answer(text, { platform, id: 'U1', isEditor: false }, lang).then(renderText);
    expect(await asked('slack', 'nxt-event', 'en')).toContain(
      'Did you mean `/gsef next-event`? Type `/gsef help` for the list of commands.',
    );
    expect(await asked('discord', 'help', 'fr')).toContain('Tapez `/gsef help <commande>` pour voir des exemples.');
    expect(await asked('console', 'lang', 'es')).toContain('Escriba `lang en`, `lang fr` o `lang es` para elegir.');
  });

  it('answers a question typed where a command was expected, in any language', async () => {
    expect((await ask('2019-03-01', '/gsef quand est le prochain événement en Afrique ?', 'fr')).text).toMatch(
      /^Prochain événement du GSEF\n\n\(Critères reconnus\u00a0: région Afrique\)/,
    );
    expect((await ask('2019-03-01', 'miembros de África', 'es')).reply).toMatchObject({
      status: 'ok',
      title: expect.stringMatching(/^\d+ resultados? en el directorio$/),
    });
    expect((await ask('2019-03-01', 'bonjour', 'fr')).reply).toMatchObject({
      status: 'invalid',
      title: 'Je ne connais pas la commande «\u00a0bonjour\u00a0».',
    });
  });

  it('treats an empty message as a request for help', async () => {
    expect((await ask('2019-01-01', '/gsef')).reply.title).toBe('GSEF bot commands');
  });

  it('refuses an over-long message politely', async () => {
    const { reply } = await ask('2019-01-01', `events ${'x'.repeat(2000)}`);
    expect(reply.status).toBe('invalid');
  });

  // Every command answers in every language, and no answer shows a raw message key.
  it.each(LANGS)('every command answers in %s without a missing message', async (lang) => {
    for (const command of COMMANDS) {
      for (const argument of ['', 'africa', 'juillet 2019', 'Q3', '2019', 'zzz']) {
        const { reply, text } = await ask('2019-06-01', `${command.name} ${argument}`, lang);
        expect(reply.status, `${command.name} ${argument}`).not.toBe('error');
        expect(text).not.toMatch(/\b(commands|errors|filter|event|events|agenda|meeting)\.[a-z]+\b/);
      }
    }
  });
});
