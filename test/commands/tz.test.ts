import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/domain/asker.js';
import type { Lang } from '../../src/domain/vocabulary.js';
import { renderText } from '../../src/reply/render-text.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';
import { botOverData, realCatalog } from '../support/test-bot.js';
import { timedQ1, withOccurrence } from '../support/timed-meetings.js';

// 30 November 2026 in Seoul: Paris is at UTC+1, Montreal at UTC-5.
const NOW = '2026-11-30T10:00:00';
const ana: Asker = { platform: 'console', id: 'ana', isEditor: false };
const bo: Asker = { platform: 'console', id: 'bo', isEditor: false };

/** The seed's bot with the Q1 2027 meeting confirmed on 27 January, 14:00–16:00 in Paris. */
async function desk() {
  const store = memoryStore();
  const data = withOccurrence(await realCatalog(), timedQ1('2027-01-27', '14:00', 'Europe/Paris'));
  const bot = botOverData(data, NOW, undefined, store);
  const say = async (asker: Asker, text: string, lang?: Lang) => {
    const reply = await bot.answer(text, asker, lang);
    return { reply, text: renderText(reply) };
  };
  return { bot, store, say };
}

/** The Time line of `agenda Q1 2027` as the console prints it to `asker`. */
async function agendaTime(say: Awaited<ReturnType<typeof desk>>['say'], asker: Asker): Promise<string | undefined> {
  return (await say(asker, 'agenda Q1 2027')).text.split('\n').find((line) => line.startsWith('Time:'));
}

describe('tz', () => {
  it("writes meeting times in the bot's zone until a person chooses theirs, then in theirs, the organiser's alongside", async () => {
    const { say } = await desk();
    expect(await agendaTime(say, ana)).toBe(
      'Time: Wednesday, 27 January 2027, 22:00–00:00 (Asia/Seoul), your time · 14:00–16:00 (Europe/Paris) for the organiser',
    );
    const shown = await say(ana, 'tz');
    expect(shown.reply.status).toBe('ok');
    expect(shown.text).toContain("Your time zone is Asia/Seoul (UTC+09:00 now), the bot's: you have not chosen one.");
    expect(shown.text).toContain('Type `tz Europe/Madrid`');

    // A name the zone database keeps as a link to another (America/Toronto) is kept as chosen.
    expect((await say(ana, 'tz America/Montreal')).reply.title).toBe(
      'Meeting times are now written for you in America/Montreal (UTC-05:00 now).',
    );
    expect(await agendaTime(say, ana)).toBe(
      'Time: Wednesday, 27 January 2027, 08:00–10:00 (America/Montreal), your time · 14:00–16:00 (Europe/Paris) for the organiser',
    );
    // Another person's answers, kept or not, are not theirs.
    expect(await agendaTime(say, bo)).toContain('(Asia/Seoul), your time');

    expect((await say(ana, 'tz europe/MADRID')).reply.title).toBe(
      'Meeting times are now written for you in Europe/Madrid (UTC+01:00 now).',
    );
    expect((await say(ana, 'tz')).reply.title).toBe('Your time zone is Europe/Madrid (UTC+01:00 now), as you chose.');
    expect(await agendaTime(say, ana)).toBe(
      'Time: Wednesday, 27 January 2027, 14:00–16:00 (Europe/Madrid), your time · 14:00–16:00 (Europe/Paris) for the organiser',
    );
    expect((await say(ana, 'tz Europe/Paris')).reply.status).toBe('ok');
    expect(await agendaTime(say, ana)).toBe('Time: 14:00–16:00 (Europe/Paris)');

    expect((await say(ana, 'tz reset')).reply.title).toBe(
      'Your time zone choice is forgotten: times are now written for you in Asia/Seoul (UTC+09:00 now).',
    );
    expect((await say(ana, 'tz réinitialiser')).reply.title).toBe(
      'You had not chosen a time zone: times are written for you in Asia/Seoul (UTC+09:00 now).',
    );
    expect(await agendaTime(say, ana)).toContain('(Asia/Seoul), your time');
  });

  it('keeps the choice in the store, per person and platform', async () => {
    const { say, store } = await desk();
    await say(ana, 'tz Asia/Seoul');
    await say({ ...ana, platform: 'slack', id: 'U0123ABCD' }, 'tz America/Montreal');
    expect(await store.values.get('tz:console:ana', async () => (await import('zod')).z.string())).toBe('Asia/Seoul');
    expect(await store.values.get('tz:slack:U0123ABCD', async () => (await import('zod')).z.string())).toBe(
      'America/Montreal',
    );
  });

  it('takes Etc/GMT+5 (and says it is five hours behind UTC) and UTC', async () => {
    const { say } = await desk();
    expect((await say(ana, 'tz Etc/GMT+5')).reply.title).toBe(
      'Meeting times are now written for you in Etc/GMT+5 (UTC-05:00 now).',
    );
    expect((await say(ana, 'tz utc')).reply.title).toBe(
      'Meeting times are now written for you in UTC (UTC+00:00 now).',
    );
    expect(await agendaTime(say, ana)).toBe(
      'Time: Wednesday, 27 January 2027, 13:00–15:00 (UTC), your time · 14:00–16:00 (Europe/Paris) for the organiser',
    );
  });

  it.each([
    ['luxon’s own `local`', 'local'],
    ['an offset', '+02:00'],
    ['a city alone', 'Madrid'],
    ['a path', '../../etc/passwd'],
    ['a misspelt zone', 'Europe/Madird'],
    ['a name over 64 characters', `Europe/${'A'.repeat(80)}`],
  ])('refuses %s politely, in three languages, with an example, and keeps the choice', async (_what, typed) => {
    const { say } = await desk();
    await say(ana, 'tz Asia/Seoul');
    const answers = await Promise.all((['en', 'fr', 'es'] as const).map((lang) => say(ana, `tz ${typed}`, lang)));
    expect(answers.map((a) => a.reply.status)).toEqual(['invalid', 'invalid', 'invalid']);
    expect(answers.map((a) => a.reply.title)).toEqual([
      `“${typed}” is not a time zone: an IANA name such as Europe/Madrid, America/Montreal or Asia/Seoul, or reset; for example: \`tz Europe/Madrid\`.`,
      `«\u00a0${typed}\u00a0» n'est pas un fuseau horaire\u00a0: un nom IANA comme Europe/Paris, America/Montreal ou Asia/Seoul, ou reset\u00a0; par exemple\u00a0: \`tz Europe/Paris\`.`,
      `«${typed}» no es una zona horaria: un nombre IANA como Europe/Madrid, America/Mexico_City o Asia/Seoul, o reset; por ejemplo: \`tz Europe/Madrid\`.`,
    ]);
    expect((await say(ana, 'tz')).reply.title).toBe('Your time zone is Asia/Seoul (UTC+09:00 now), as you chose.');
  });

  it('reads a zone with control characters as the zone they hide nothing in, and refuses two words and huge input', async () => {
    const { say } = await desk();
    // Controls steer nothing the bot reads: they are removed before the command is read.
    expect((await say(ana, 'tz Europe/\u0000Mad\u001b[2Jrid\u0007')).reply.status).toBe('invalid');
    expect((await say(ana, 'tz Europe/Ma\u200bdrid\u0007')).reply.title).toBe(
      'Meeting times are now written for you in Europe/Madrid (UTC+01:00 now).',
    );
    const twoWords = await say(ana, 'tz Europe/Madrid\nAsia/Seoul');
    expect(twoWords.reply.status).toBe('invalid');
    expect(twoWords.reply.title).toContain('does not take “Asia/Seoul”');
    expect((await say(ana, `tz ${'Europe/Madrid'.repeat(1000)}`)).reply.title).toBe(
      'That message is too long for a command (at most 1,000 characters).',
    );
    expect((await say(ana, 'tz')).reply.title).toBe('Your time zone is Europe/Madrid (UTC+01:00 now), as you chose.');
  });
});
