import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/domain/asker.js';
import type { NewsItem } from '../../src/news/news-item.js';
import { hasBroadcastMention } from '../../src/news/sanitize.js';
import { editorialNotice, queueItem } from '../../src/presenters/news.js';
import { renderDiscord } from '../../src/platforms/discord/render-discord.js';
import { renderSlack } from '../../src/platforms/slack/render-slack.js';
import { renderText } from '../../src/reply/render-text.js';
import { reply } from '../../src/reply/reply.js';
import { botAt } from '../support/test-bot.js';

/**
 * What a member writes (news, a display name) shown to the editors in Discord and Slack: words
 * only, never a disguised link or a mention, whatever the store holds.
 */

const secretariat: Asker = { platform: 'console', id: 'secretariat', displayName: 'secretariat', isEditor: true };

const HOSTILE_TEXT = [
  '[the official report](https://evil.example/login) and [x](<https://evil.example>) about cooperatives',
  '-# small print\n# A heading\n> a quote\n<https://evil.example|gsef-net.org> <!here> &lt;!channel&gt; <@U1> <@&123>',
].join('\n');
const HOSTILE_NAME = '[GSEF secretariat](https://evil.example) @every\u0000one';

/** An item as an older version may have stored it: its text and name raw, its permalink forged. */
const legacyItem: NewsItem = {
  id: 7,
  text: `${HOSTILE_TEXT}\n@everyone <!channel>`,
  links: [],
  attachments: [],
  author: { platform: 'discord', userId: '42', displayName: HOSTILE_NAME },
  lang: 'en',
  source: { platform: 'discord', permalink: 'javascript:alert(1)' },
  receivedAt: '2026-11-10T00:00:00.000Z',
  status: 'pending',
  history: [],
};

/** Everything Discord reads as Markdown in a message: its content, and the embeds' titles, descriptions, fields and footers. */
function discordTexts(embeds: readonly APIEmbed[], content?: string): string[] {
  return [
    ...(content === undefined ? [] : [content]),
    ...embeds.flatMap((e) => [
      e.title,
      e.description,
      e.footer?.text,
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]),
  ].filter((t): t is string => t !== undefined);
}

/** A masked link `[label](url)` whose "[" is not escaped: Discord would show the label in place of the address. */
const LIVE_MASKED_LINK = /(^|[^\\])\[[^\]\n]*\]\(/;

async function editorContext() {
  return (await botAt('2026-11-10')).context(secretariat, 'en');
}

describe('member text in Discord', () => {
  it("shows masked links, headings, subtext and quotes as the characters typed, in embeds and in a public post's content", async () => {
    const notice = editorialNotice(await editorContext(), {
      ...legacyItem,
      author: { ...legacyItem.author, displayName: '[GSEF secretariat](https://evil.example)' },
    });
    const { embeds, content } = renderDiscord(notice, (n) => `${n} more`);
    const texts = discordTexts(embeds, content);
    expect(content).toBeDefined();
    for (const text of texts) {
      expect(text, text).not.toMatch(LIVE_MASKED_LINK);
      expect(text, text).not.toMatch(/^(-#|#|>) /m);
    }
    expect(texts.join('\n')).toContain('\\[the official report\\](https://evil.example/login)');
    expect(content).toContain('\\[GSEF secretariat\\](https://evil.example)');
  });
});

describe('member text in Slack', () => {
  it('escapes &, < and > wherever member text goes, so that no link, mention or broadcast can be formed', async () => {
    const notice = editorialNotice(await editorContext(), legacyItem);
    const { blocks, text } = renderSlack(
      {
        ...notice,
        blocks: [
          ...notice.blocks,
          { type: 'list', heading: 'Queue', items: [queueItem(await editorContext(), legacyItem)] },
        ],
      },
      { more: (n) => `${n} more` },
    );
    const mrkdwn = [text, ...JSON.stringify(blocks).matchAll(/"type":"mrkdwn","text":"((?:[^"\\]|\\.)*)"/g)].map((m) =>
      typeof m === 'string' ? m : (JSON.parse(`"${m[1]}"`) as string),
    );
    expect(mrkdwn.length).toBeGreaterThan(2);
    for (const shown of mrkdwn) {
      expect(shown, shown).not.toMatch(/[<>]|&(?!amp;|lt;|gt;)/);
      expect(hasBroadcastMention(shown.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')), shown).toBe(
        false,
      );
    }
  });

  it('escapes a plain reply the same way (a reject reason, an edited text)', () => {
    const { blocks } = renderSlack(
      reply('ok', 'Edited', [{ type: 'text', text: '<https://evil.example|label> <!here> & <@U1>' }]),
      { more: (n) => `${n} more` },
    );
    expect(blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '&lt;https://evil.example|label&gt; &lt;!here&gt; &amp; &lt;@U1&gt;' },
    });
  });
});

describe('notices and the queue, from an item stored raw', () => {
  it("make its text and its author's name inert again, and show no permalink that is not http(s)", async () => {
    const ctx = await editorContext();
    for (const shown of [renderText(editorialNotice(ctx, legacyItem)), queueItem(ctx, legacyItem).details.join('\n')]) {
      expect(hasBroadcastMention(shown), shown).toBe(false);
      expect(shown).not.toContain('javascript:');
      expect(shown).toContain('[GSEF secretariat](https://evil.example) @\u200Beveryone');
    }
  });
});

describe('a display name from outside', () => {
  it('is made inert on the way in, whatever invisible characters hide a mention in it, for the queue, the notice and the draft', async () => {
    const printed: string[] = [];
    const bot = await botAt('2026-11-10', undefined, undefined, (line) => printed.push(line));
    const author: Asker = {
      platform: 'console',
      id: 'ana',
      displayName: '@every\u0000one <\u0000!here> <@&12\u200B3>',
      isEditor: false,
    };
    expect(
      await bot.answer('news The cooperative network of Seoul opens a new training centre.', author, 'en'),
    ).toMatchObject({ status: 'ok' });
    const [stored] = await bot.services.news.list();
    expect(stored!.author.displayName).toBe('@\u200Beveryone @\u200Bhere @\u200B123');
    expect(stored!.history[0]!.by).not.toMatch(/@everyone|<!here>|<@&/);
    await bot.answer('newsletter approve 1', secretariat, 'en');
    const shown = [
      printed.join('\n'),
      renderText(await bot.answer('newsletter queue approved', secretariat, 'en')),
      (await bot.answer('newsletter draft 2026-11', secretariat, 'en')).attachment!.content,
    ];
    for (const text of shown) expect(hasBroadcastMention(text), text).toBe(false);
  });
});
