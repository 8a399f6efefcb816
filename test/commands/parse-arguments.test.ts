import { describe, expect, expectTypeOf, it } from 'vitest';
import { defineCommand, defineSubcommand } from '../../src/dispatch/command.js';
import type { ArgumentsOf } from '../../src/dispatch/options.js';
import { readArguments, readInvocation, type InvocationInput } from '../../src/dispatch/parse-arguments.js';
import type { Asker } from '../../src/domain/asker.js';
import { EVENT_CRITERIA } from '../../src/domain/event-queries.js';
import type { KnowledgeBase } from '../../src/domain/knowledge-base.js';
import type { MeetingChoice } from '../../src/domain/meetings.js';
import type { Filter } from '../../src/domain/search/filter.js';
import { parseFilter } from '../../src/domain/search/filter.js';
import { LANGS, REGIONS, type Lang } from '../../src/domain/vocabulary.js';
import { renderText } from '../../src/reply/render-text.js';
import { reply } from '../../src/reply/reply.js';
import { botAt, realKnowledgeBase } from '../support/test-bot.js';

const secretariat: Asker = { platform: 'console', id: 'secretariat', displayName: 'secretariat', isEditor: true };
const onSlack: Asker = { platform: 'slack', id: 'U1', isEditor: true };

const NUMBER = { name: 'number', type: 'integer', required: true } as const;
const REASON = { name: 'reason', type: 'news-text', required: false } as const;
const CSV = { name: 'csv', type: 'flag', required: false } as const;
const DRAFT = [
  { name: 'edition', type: 'edition', required: false },
  { name: 'format', type: 'choice', choices: ['markdown', 'html'], required: false },
] as const;

/** What a handler would receive, or the problem. */
async function read<const Os extends readonly Parameters<typeof readArguments>[0][number][]>(
  options: Os,
  text: string,
) {
  return readArguments(options, { kind: 'text', text }, await realKnowledgeBase());
}

describe('the handler arguments a declaration gives', () => {
  it('are typed from the options, required or not, a choice as its values, a filter always given', () => {
    expectTypeOf<ArgumentsOf<readonly [typeof NUMBER, typeof REASON]>>().toEqualTypeOf<{
      number: number;
      reason?: string;
    }>();
    expectTypeOf<ArgumentsOf<typeof DRAFT>>().toEqualTypeOf<{ edition?: string; format?: 'markdown' | 'html' }>();
    expectTypeOf<ArgumentsOf<readonly [{ name: 'filter'; type: 'event-filter'; required: false }]>>().toEqualTypeOf<{
      filter: Filter;
    }>();
    defineCommand({
      name: 'typed',
      aliases: [],
      permission: 'everyone',
      readOnly: true,
      options: [NUMBER, REASON],
      handle(_ctx, args) {
        expectTypeOf(args).toEqualTypeOf<{ number: number; reason?: string }>();
        return reply('ok', String(args.number));
      },
    });
  });

  it('are refused at load when a declaration cannot be read in order', () => {
    const [edition] = DRAFT;
    expect(() => defineSubcommand({ options: [edition, NUMBER], handle: () => reply('ok', '') })).toThrow(
      'required option "number" must come before optional "edition"',
    );
    expect(() => defineSubcommand({ options: [REASON, edition], handle: () => reply('ok', '') })).toThrow(
      'option "reason" reads the rest of the text: it must come last',
    );
    // A switch stands anywhere, so it may follow the rest of the text; but it is never required.
    expect(() => defineSubcommand({ options: [REASON, CSV], handle: () => reply('ok', '') })).not.toThrow();
    expect(() => defineSubcommand({ options: [{ ...CSV, required: true }], handle: () => reply('ok', '') })).toThrow(
      'switch "csv" is off unless given: it cannot be required',
    );
  });
});

describe('switches', () => {
  const MEETING_AND_CSV = [{ name: 'meeting', type: 'meeting', required: false }, CSV] as const;

  it('are read anywhere in the text, as two hyphens or a dash, in any case; off unless given', async () => {
    expectTypeOf<ArgumentsOf<typeof MEETING_AND_CSV>>().toEqualTypeOf<{ meeting: MeetingChoice; csv: boolean }>();
    const q3 = { ok: true, args: { meeting: { quarter: 3, year: 2027 }, csv: true } };
    for (const text of ['Q3 2027 --csv', '--csv Q3 2027', 'Q3 --CSV 2027', 'Q3 2027 —csv', 'Q3 2027 –csv'])
      expect(await read(MEETING_AND_CSV, text), text).toEqual(q3);
    expect(await read(MEETING_AND_CSV, 'Q3 2027')).toEqual({ ok: true, args: { ...q3.args, csv: false } });
    expect(await read([CSV], '')).toEqual({ ok: true, args: { csv: false } });
  });

  it('are whole words: a longer word, or one inside another, is not the switch', async () => {
    expect(await read([CSV], '--csvx')).toMatchObject({ ok: false, problem: { kind: 'too-many', typed: '--csvx' } });
    expect(await read([CSV], 'a--csv')).toMatchObject({ ok: false, problem: { kind: 'too-many' } });
    expect(await read([NUMBER, REASON, CSV], '12 see --csv files')).toEqual({
      ok: true,
      args: { number: 12, reason: 'see files', csv: true },
    });
  });

  it('come from a platform as true or false (Discord’s boolean option)', async () => {
    const kb = await realKnowledgeBase();
    const values = (csv?: string) =>
      readArguments([CSV], { kind: 'values', values: new Map(csv === undefined ? [] : [['csv', csv]]) }, kb);
    expect(values('true')).toEqual({ ok: true, args: { csv: true } });
    expect(values('false')).toEqual({ ok: true, args: { csv: false } });
    expect(values()).toEqual({ ok: true, args: { csv: false } });
    expect(values('maybe')).toMatchObject({ ok: false, problem: { kind: 'invalid', typed: 'maybe' } });
  });
});

describe('choices', () => {
  const ANSWER = { name: 'answer', type: 'choice', choices: ['yes', 'no', 'maybe'], required: true } as const;

  it('are read in any of the three languages, in any case, accents optional (choiceWords)', async () => {
    for (const [typed, answer] of [
      ['YES', 'yes'],
      ['oui', 'yes'],
      ['Sí', 'yes'],
      ['si', 'yes'],
      ['non', 'no'],
      ['peut-être', 'maybe'],
      ['QUIZAS', 'maybe'],
    ] as const)
      expect(await read([ANSWER], typed), typed).toEqual({ ok: true, args: { answer } });
    expect(await read([ANSWER], 'ja')).toMatchObject({ ok: false, problem: { kind: 'invalid', typed: 'ja' } });
    // A choice without words of its own takes only its values.
    expect(await read(DRAFT, 'oui')).toMatchObject({ ok: false });
  });
});

describe('reading text', () => {
  it('takes a word per option and the rest of the text for the last, as written', async () => {
    expect(await read([NUMBER, REASON], '#12   Announced last month.\n\nSee the minutes.')).toEqual({
      ok: true,
      args: { number: 12, reason: 'Announced last month.\n\nSee the minutes.' },
    });
    expect(await read([NUMBER, REASON], '12')).toEqual({ ok: true, args: { number: 12 } });
  });

  it('skips an optional option whose word belongs to the next one, and refuses what neither reads', async () => {
    expect(await read(DRAFT, 'html')).toEqual({ ok: true, args: { format: 'html' } });
    expect(await read(DRAFT, '2026-11 HTML')).toEqual({ ok: true, args: { edition: '2026-11', format: 'html' } });
    expect(await read(DRAFT, '11-2026')).toMatchObject({
      ok: false,
      problem: { kind: 'invalid', name: 'edition', typed: '11-2026' },
    });
  });

  it('refuses a missing required option, a value of the wrong type, and words left over', async () => {
    expect(await read([NUMBER], '')).toMatchObject({ ok: false, problem: { kind: 'missing', option: NUMBER } });
    expect(await read([NUMBER], 'twelve')).toMatchObject({ ok: false, problem: { kind: 'invalid', typed: 'twelve' } });
    expect(await read([NUMBER], '12 13')).toMatchObject({ ok: false, problem: { kind: 'too-many', typed: '13' } });
  });
});

describe('refusals', () => {
  it.each<[Lang, string]>([
    ['en', '`approve` needs an item number, such as `/gsef newsletter approve 3`.'],
    ['fr', "`approve` demande un numéro d'actualité, par exemple `/gsef newsletter approve 3`."],
    ['es', '`approve` necesita un número de noticia, por ejemplo `/gsef newsletter approve 3`.'],
  ])('say precisely what is missing, in %s, with the usage and the examples', async (lang, title) => {
    const bot = await botAt('2026-11-10');
    const answer = await bot.answer('newsletter approve', onSlack, lang);
    expect(answer).toMatchObject({ status: 'invalid', title });
    expect(renderText(answer)).toContain('newsletter queue [pending|approved|rejected|published]');
  });

  it('say what was typed that cannot be read, and what a command does not have', async () => {
    const bot = await botAt('2026-11-10');
    const answer = (text: string) => bot.answer(text, secretariat, 'en').then((r) => r.title);
    expect(await answer('newsletter approve twelve')).toBe(
      '“twelve” is not an item number; for example: `newsletter approve 3`.',
    );
    expect(await answer('newsletter approve 12 13')).toBe(
      '`approve` does not take “13”; for example: `newsletter approve 3`.',
    );
    expect(await answer('newsletter queue archived')).toBe(
      '“archived” is not one of pending, approved, rejected, published.',
    );
    expect(await answer('newsletter')).toBe('`newsletter` needs one of: queue, approve, reject, edit, draft, publish.');
    expect(await answer('newsletter archive 3')).toBe(
      '`newsletter` has no “archive”: use one of queue, approve, reject, edit, draft, publish.',
    );
    expect(await answer('meetings next')).toBe('“next” is not a year; for example: `meetings 2019`.');
    expect(await answer('lang de')).toBe('I don\'t speak "de"; choose one of en, fr, es.');
    expect(await answer('agenda Q7')).toBe(
      '“Q7” is not a meeting: next, a quarter (Q3, Q1 2027) or a month (2027-01); for example: `agenda Q3`.',
    );
  });

  it('exist in every language for every option and every (sub)command that has one required', async () => {
    const bot = await botAt('2026-11-10');
    for (const lang of LANGS) {
      for (const text of ['event', 'member', 'news', 'newsletter approve', 'newsletter edit 3', 'newsletter publish']) {
        const answer = await bot.answer(text, secretariat, lang);
        expect(answer.status, `${lang}: ${text}`).toBe('invalid');
        expect(answer.title, `${lang}: ${text}`).toMatch(/`[a-z]+(`| [a-z]+ )/);
      }
    }
  });
});

describe('the forms of the bot’s own buttons', () => {
  it('are read only when they fit exactly: news that starts with "confirm" is news', async () => {
    const bot = await botAt('2026-11-10');
    const member: Asker = { platform: 'console', id: 'mayor', isEditor: false };
    expect(await bot.answer('news confirm 1b4e28ba-2fa1-11d2-883f-0016d3cca427', member, 'en')).toMatchObject({
      status: 'invalid',
      title: 'That question has expired (or was not yours). Send the news again, or start it with `news:`.',
    });
    expect(
      await bot.answer('news Confirmed: Bamako opens its first social economy incubator in May.', member, 'en'),
    ).toMatchObject({ status: 'ok', title: 'Thank you! Your news is in the newsletter queue as #1.' });
  });
});

describe('values given apart (Discord)', () => {
  const valuesOf = (command: string, values: Record<string, string | number>, subcommand?: string) => ({
    command,
    ...(subcommand === undefined ? {} : { subcommand }),
    values: new Map(Object.entries(values)),
  });

  it('give the answer the same text gives, a region and a month chosen apart read as such', async () => {
    const bot = await botAt('2019-05-10');
    const asker: Asker = { platform: 'discord', id: 'D1', isEditor: false };
    const pairs: [ReturnType<typeof valuesOf>, string][] = [
      [valuesOf('next-event', { region: 'africa', month: 8 }), 'next-event africa august'],
      [valuesOf('events', { region: 'global', filter: '2019' }), 'events worldwide 2019'],
      [valuesOf('events', { month: '7', filter: '2019' }), 'events july 2019'],
      [valuesOf('members', { region: 'europe', filter: 'network' }), 'members europe network'],
      [valuesOf('event', { name: 'africa-policy-dialogue-2019' }), 'event africa-policy-dialogue-2019'],
      [valuesOf('meetings', { year: 2027 }), 'meetings 2027'],
    ];
    for (const [values, text] of pairs)
      expect(await bot.answerValues(values, asker, 'en'), text).toEqual(await bot.answer(text, asker, 'en'));
  });

  it('lose their invisible characters as text does, the values given left as they were', async () => {
    const bot = await botAt('2019-05-10');
    const asker: Asker = { platform: 'discord', id: 'D1', isEditor: false };
    const given = valuesOf('events', { month: 7, filter: '20\u200B19\u202E' });
    const answer = await bot.answerValues(given, asker, 'en');
    expect(answer).toEqual(await bot.answerValues(valuesOf('events', { month: 7, filter: '2019' }), asker, 'en'));
    expect(answer).toEqual(await bot.answer('events july 20\u200B19\u202E', asker, 'en'));
    expect(given.values.get('filter')).toBe('20\u200B19\u202E');
  });

  it('are refused in the words text is refused in', async () => {
    const bot = await botAt('2026-11-10');
    const pairs: [ReturnType<typeof valuesOf>, string][] = [
      [valuesOf('newsletter', {}, 'approve'), 'newsletter approve'],
      [valuesOf('newsletter', { number: 'twelve' }, 'approve'), 'newsletter approve twelve'],
      [valuesOf('newsletter', { edition: '2026-13' }, 'publish'), 'newsletter publish 2026-13'],
      [valuesOf('newsletter', {}, 'archive'), 'newsletter archive'],
      [valuesOf('newsletter', {}), 'newsletter'],
      [valuesOf('nxt-event', {}), 'nxt-event'],
    ];
    for (const [values, text] of pairs)
      expect(await bot.answerValues(values, onSlack, 'en'), text).toEqual(await bot.answer(text, onSlack, 'en'));
    expect(await bot.answerValues(valuesOf('next-event', { region: 'atlantis' }), onSlack, 'en')).toMatchObject({
      status: 'invalid',
      title: '“atlantis” is not a region; for example: `/gsef next-event africa`.',
    });
  });

  it('read every region and month choice as exactly that criterion', async () => {
    const kb: KnowledgeBase = await realKnowledgeBase();
    const filter = (values: Record<string, string>) => {
      const input: InvocationInput = { kind: 'values', subcommand: undefined, values: new Map(Object.entries(values)) };
      const options = [{ name: 'filter', type: 'event-filter', required: false }] as const;
      const read = readArguments(options, input, kb);
      return read.ok ? read.args.filter : undefined;
    };
    for (const region of REGIONS)
      expect(filter({ region })).toMatchObject({ understood: [{ kind: 'region', region }], keywords: [] });
    for (let month = 1; month <= 12; month++)
      expect(filter({ month: String(month) })).toMatchObject({ understood: [{ kind: 'month', month }], keywords: [] });
    // A month chosen and a year typed are one month, as "july 2019" is (only the typed text differs).
    expect(filter({ month: '7', filter: '2019' })).toEqual({
      ...parseFilter('july 2019', kb.dictionary, EVENT_CRITERIA),
      typed: '2019',
    });
    const none = defineCommand({
      name: 'none',
      aliases: [],
      permission: 'everyone',
      readOnly: true,
      subcommands: { only: defineSubcommand({ options: [], handle: () => reply('ok', '') }) },
    });
    expect(readInvocation(none, { kind: 'values', subcommand: 'only', values: new Map() }, kb).ok).toBe(true);
  });
});
