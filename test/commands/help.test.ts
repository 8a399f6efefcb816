import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { LANGS } from '../../src/domain/vocabulary.js';
import { ask, itemTitles } from '../support/test-bot.js';

describe('help and unknown commands', () => {
  it('lists every command', async () => {
    const { reply } = await ask('2019-01-01', 'help');
    expect(itemTitles(reply)).toHaveLength(COMMANDS.length);
  });

  it('explains one command with examples', async () => {
    const { text } = await ask('2019-01-01', 'help agenda', 'es');
    expect(text).toContain('agenda Q3');
  });

  it('suggests the command meant by a misspelling', async () => {
    const { reply, text } = await ask('2019-01-01', 'nxt-event africa');
    expect(reply.status).toBe('invalid');
    expect(text).toContain('next-event');
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
