import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import {
  commandOfCustomId,
  customIdOf,
  DISCORD_MAX_BUTTONS_PER_ROW,
  DISCORD_MAX_CUSTOM_ID,
  DISCORD_MAX_DESCRIPTION,
  DISCORD_MAX_EMBED_CHARACTERS,
  DISCORD_MAX_EMBEDS,
  DISCORD_MAX_FIELD_VALUE,
  DISCORD_MAX_FIELDS,
  DISCORD_MAX_TITLE,
  escapeMarkdown,
  renderDiscord,
} from '../../../src/platforms/discord/render-discord.js';
import { reply, type Reply } from '../../../src/reply/reply.js';
import { PARIS_FOR_SEOUL, PARIS_START_ONLY } from '../../support/reply-times.js';
import type { APIEmbed } from 'discord.js';
import { LANGS } from '../../../src/domain/vocabulary.js';
import { ask, botAt, member } from '../../support/test-bot.js';

const more = (hidden: number) => `${hidden} more not shown`;

function characters(embeds: readonly APIEmbed[]): number {
  return embeds.reduce(
    (sum, e) =>
      sum +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0),
    0,
  );
}

function expectWithinLimits(embeds: readonly APIEmbed[]): void {
  expect(embeds.length).toBeGreaterThan(0);
  expect(embeds.length).toBeLessThanOrEqual(DISCORD_MAX_EMBEDS);
  expect(characters(embeds)).toBeLessThanOrEqual(DISCORD_MAX_EMBED_CHARACTERS);
  for (const e of embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_MAX_TITLE);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_MAX_DESCRIPTION);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_MAX_FIELDS);
    for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(DISCORD_MAX_FIELD_VALUE);
    expect(e.title !== undefined || e.description !== undefined || (e.fields?.length ?? 0) > 0).toBe(true);
  }
}

describe('renderDiscord', () => {
  it('puts the title and the filter note first, each list in its own embed titled by its heading, one field per item', async () => {
    const { reply: answer } = await ask('2019-05-14', 'next-event');
    const { embeds, content, files } = renderDiscord(answer, more);
    expect(embeds[0]).toMatchObject({ title: 'Next GSEF event' });
    expect(embeds.map((e) => e.title)).toEqual(['Next GSEF event', 'Happening now', 'Coming next', undefined]);
    expect(embeds[1]!.fields!.map((f) => f.name)).toEqual(['RENAPESS General Assembly', 'Africa Policy Dialogue']);
    expect(embeds[1]!.fields![0]!.value).toContain('Bamako, Mali');
    expect(embeds.at(-1)!.description).toMatch(/^\*.+\*$/s);
    expect(content).toBeUndefined();
    expect(files).toEqual([]);
    expectWithinLimits(embeds);
  });

  it('keeps a long answer within every Discord limit and says how many items were left out', () => {
    const items = Array.from({ length: 300 }, (_, i) => ({
      title: `Event ${i} ${'t'.repeat(40)}`,
      details: ['13 – 17 May 2019', 'Bamako, Mali', 'd'.repeat(1500)],
    }));
    const long: Reply = reply('ok', 'T'.repeat(400), [
      { type: 'text', text: 'x'.repeat(5000) },
      { type: 'list', heading: 'Coming next', items },
    ]);
    const { embeds } = renderDiscord(long, more);
    expectWithinLimits(embeds);
    expect(embeds[0]!.title).toHaveLength(DISCORD_MAX_TITLE);
    const shown = embeds.flatMap((e) => e.fields ?? []).length;
    expect(embeds.at(-1)!.footer!.text).toBe(`${300 - shown} more not shown`);
  });

  it('stops at ten embeds and at 25 fields each', () => {
    const lists = Array.from({ length: 12 }, (_, i) => ({
      type: 'list' as const,
      heading: `List ${i}`,
      items: Array.from({ length: 30 }, (_, j) => ({ title: `${j}`, details: ['x'] })),
    }));
    const { embeds } = renderDiscord(reply('ok', 'Many', lists), more);
    expectWithinLimits(embeds);
    expect(embeds).toHaveLength(DISCORD_MAX_EMBEDS);
    expect(embeds[1]!.fields).toHaveLength(DISCORD_MAX_FIELDS);
    expect(embeds.at(-1)!.footer?.text).toMatch(/^\d+ more not shown$/);
  });

  it('shows lists without details as bullets, and escapes Markdown but keeps backticks', () => {
    const { embeds } = renderDiscord(
      reply('empty', 'Not *understood*', [
        {
          type: 'list',
          heading: 'Try',
          items: [
            { title: 'next_event', details: [] },
            { title: 'help', details: [] },
          ],
        },
        { type: 'text', text: 'Type `help` ~now~' },
      ]),
      more,
    );
    expect(embeds[0]!.title).toBe('Not \\*understood\\*');
    expect(embeds[1]).toMatchObject({ title: 'Try', description: '• next\\_event\n• help\n\nType `help` \\~now\\~' });
    expect(escapeMarkdown('> quote\n# heading\n- item')).toBe('\\> quote\n\\# heading\n\\- item');
  });

  it('sends the calendar as a file, and a public reply with a plain-text line', async () => {
    const { reply: calendar } = await ask('2019-05-10', 'calendar africa');
    const rendered = renderDiscord(calendar, more);
    expect(rendered.files).toEqual([
      { name: 'gsef-calendar.ics', contentType: 'text/calendar', data: expect.stringContaining('BEGIN:VCALENDAR') },
    ]);
    expect(renderDiscord({ ...reply('ok', 'Meeting next week'), visibility: 'public' }, more).content).toBe(
      'Meeting next week',
    );
  });

  it('renders actions as rows of at most five buttons whose custom_id is the command', () => {
    const yesNo = {
      ...reply('ok', 'Add it?'),
      actions: [
        {
          label: 'Yes, add it',
          command: 'news confirm 1b4e28ba-2fa1-11d2-883f-0016d3cca427',
          style: 'primary' as const,
        },
        { label: 'No', command: 'news cancel 1b4e28ba-2fa1-11d2-883f-0016d3cca427' },
      ],
    };
    expect(renderDiscord(yesNo, more).components).toEqual([
      {
        type: 1,
        components: [
          {
            type: 2,
            style: 1,
            label: 'Yes, add it',
            custom_id: 'gsef:news confirm 1b4e28ba-2fa1-11d2-883f-0016d3cca427',
          },
          { type: 2, style: 2, label: 'No', custom_id: 'gsef:news cancel 1b4e28ba-2fa1-11d2-883f-0016d3cca427' },
        ],
      },
    ]);
    const many = {
      ...reply('ok', 'Many'),
      actions: Array.from({ length: 12 }, (_, i) => ({
        label: `Approve ${i}`,
        command: `newsletter approve ${i}`,
        style: i % 2 ? ('danger' as const) : undefined,
      })),
    };
    const rows = renderDiscord(many, more).components;
    expect(rows.map((r) => r.components.length)).toEqual([5, 5, 2]);
    expect(rows.every((r) => r.components.length <= DISCORD_MAX_BUTTONS_PER_ROW)).toBe(true);
    expect(rows[0]!.components.map((b) => b.style)).toEqual([2, 4, 2, 4, 2]);
    expect(renderDiscord(reply('ok', 'No actions'), more).components).toEqual([]);
  });

  it('leaves out a button whose command does not fit in a custom_id, or repeats one, and cuts long labels', () => {
    const rendered = renderDiscord(
      {
        ...reply('ok', 'Odd'),
        actions: [
          { label: 'L'.repeat(100), command: 'help' },
          { label: 'Again', command: 'help' },
          { label: 'Too long', command: `news ${'x'.repeat(DISCORD_MAX_CUSTOM_ID)}` },
        ],
      },
      more,
    );
    const buttons = rendered.components.flatMap((r) => r.components);
    expect(buttons.map((b) => b.custom_id)).toEqual(['gsef:help']);
    expect(buttons[0]!.label).toHaveLength(80);
  });

  it('reads back the command of its own custom_ids only', () => {
    const id = customIdOf('newsletter approve 12')!;
    expect(id).toBe('gsef:newsletter approve 12');
    expect(commandOfCustomId(id)).toBe('newsletter approve 12');
    expect(customIdOf('x'.repeat(DISCORD_MAX_CUSTOM_ID))).toBeUndefined();
    for (const forged of ['other-app:approve', 'gsef:', 'gsef:   ', `gsef:${'x'.repeat(DISCORD_MAX_CUSTOM_ID)}`, ''])
      expect(commandOfCustomId(forged), forged).toBeUndefined();
  });

  it('renders every example of every command, in every language, within the limits', async () => {
    const bot = await botAt('2019-03-01');
    for (const lang of LANGS) {
      for (const command of COMMANDS) {
        for (const example of bot.services.translator.words(lang, `commands.${command.name}.examples`)) {
          const { embeds } = renderDiscord(await bot.answer(example, member, lang), more);
          expectWithinLimits(embeds);
        }
      }
    }
  });
});

describe('a meeting time in Discord', () => {
  it("is written as Discord's timestamps, which each reader's client shows in their zone, with the organiser's time alongside", () => {
    const { embeds } = renderDiscord(
      reply('ok', 'Steering Committee, Q1 2027', [
        { type: 'fields', lang: 'en', fields: [{ label: 'Time', value: PARIS_FOR_SEOUL }] },
        { type: 'list', items: [{ title: 'Steering Committee, Q1 2027', details: ['Online_now', PARIS_START_ONLY] }] },
      ]),
      more,
    );
    expect(embeds.flatMap((e) => e.fields ?? [])).toEqual([
      {
        name: 'Time',
        value: '<t:1801054800:F>–<t:1801062000:t> (<t:1801054800:R>) · 14:00–16:00 (Europe/Paris)',
        inline: true,
      },
      {
        name: 'Steering Committee, Q1 2027',
        // Text around the timestamps is still escaped; the timestamps are not.
        value: 'Online\\_now\n<t:1801054800:F> (<t:1801054800:R>) · 14:00 (Europe/Paris)',
        inline: false,
      },
    ]);
  });
});
