import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/dispatch/command.js';
import type { Asker } from '../../src/domain/asker.js';
import { LANGS, type Lang } from '../../src/domain/vocabulary.js';
import type { NewsItem } from '../../src/news/news-item.js';
import { newsletterDraft } from '../../src/news/newsletter-draft.js';
import { hasBroadcastMention, sanitizeNews } from '../../src/news/sanitize.js';
import { botAt } from '../support/test-bot.js';
import { MARKDOWN_RENDERERS, readHtml, readHtmlDocument } from './rendered-draft.js';

/**
 * For any text and any name a member could send, whatever mentions, Markdown, HTML, links and
 * invisible characters they mix: no live mention, cleaning is stable, and both drafts, read as a
 * browser reads them, are words, the bot's own structure and http(s) links that show their
 * address, with every item still there.
 */

const MENTIONS = [
  '<!channel>',
  '<!here|here>',
  '<!everyone>',
  '<!subteam^S1|@team>',
  '<@U123>',
  '<@W9|ana>',
  '<#C1|general>',
  '@everyone',
  '@here',
  '@channel',
  '<@123>',
  '<@!123>',
  '<@&123>',
  '<#123>',
  '</news:123>',
];
const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<iframe src=javascript:alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<style>',
  '<math>',
  '[x](javascript:alert(1))',
  '[x](data:text/html,<script>alert(1)</script>)',
  '[x](vbscript:msgbox(1))',
  '![](https://t.example/p.png)',
  '[a]: javascript:alert(1)',
  '[a]',
  '[[x]]',
  '<javascript:alert(1)>',
  '<https://evil.example>',
  'javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD4=',
  'vbscript:msgbox',
  'https://gsef-net.org/a?b=1&c=2',
  'http://x.example/(y)',
  'https://a.example@b.example/',
  'www.evil.example',
  'ana@evil.example',
  '\n# heading\n',
  '\n## Fake section\n',
  '<!--',
  '-->',
  '```',
  '~~~',
  '\n> ',
  '\n- ',
  '\n1. ',
  '\n* ',
  '| a | b |\n|---|---|',
  '\n===\n',
  '\n---\n',
  '    indented',
  '\n\n',
  '&lt;script&gt;',
  '&#106;',
  '&amp;',
  '\\',
  '*',
  '_',
  '`',
  '<',
  '>',
  '"',
  "'",
  '&',
  '(',
  ')',
  '[',
  ']',
  '!',
  '#',
  '|',
  '\t',
];
const INVISIBLES = [
  ...'\u0000\u0008\u000B\u001B\u007F\u0085\u009B\u00AD\u034F\u061C\u115F\u180E\u200B\u200C\u200D\u200E\u200F\u202A\u202E\u2028\u2029\u2060\u2064\u2066\u2069\u3164\uFE0F\uFEFF\uFFA0\r',
  '\u{E0041}',
  '\u{E0100}',
  '\uD800',
];

const invisible = fc.constantFrom(...INVISIBLES);
/** A piece of markup with invisible characters slipped in at any positions. */
const disguised = fc.constantFrom(...MENTIONS, ...MARKUP).chain((piece) =>
  fc.array(fc.tuple(fc.nat({ max: piece.length }), invisible), { maxLength: 3 }).map((insertions) => {
    let text = piece;
    for (const [at, char] of insertions.sort((a, b) => b[0] - a[0]))
      text = `${text.slice(0, at)}${char}${text.slice(at)}`;
    return text;
  }),
);
const piece = fc.oneof(
  { weight: 4, arbitrary: disguised },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
  invisible,
);
const memberText = fc.array(piece, { maxLength: 14 }).map((parts) => parts.join(''));
const permalink = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(
    'javascript:alert(1)',
    'data:text/html,<script>',
    'vbscript:x',
    ' https://gsef.slack.com/archives/C1/p1',
    'HTTPS://GSEF.example/a b',
    '//evil.example',
  ),
  fc.webUrl(),
  memberText,
);

/** An approved item as the store could hold it, raw: what the drafts make safe must not depend on the intake having done it. */
const rawItem: fc.Arbitrary<RawItem> = fc.record({
  text: memberText,
  displayName: memberText,
  member: fc.constantFrom(undefined, 'city-of-bamako', '<img src=x onerror=alert(1)>'),
  lang: fc.constantFrom(...LANGS),
  permalink,
});

const secretariat: Asker = { platform: 'console', id: 'secretariat', displayName: 'secretariat', isEditor: true };
let ctx: CommandContext;
beforeAll(async () => {
  ctx = (await botAt('2026-11-10')).context(secretariat, 'en');
});

interface RawItem {
  text: string;
  displayName: string;
  member: string | undefined;
  lang: Lang;
  permalink: string | undefined;
}

function itemsOf(records: readonly RawItem[]): NewsItem[] {
  return records.map((r, i) => ({
    id: i + 1,
    // A word of its own per item, to find it in the draft whatever the rest of its text does.
    text: `${r.text} keep${i + 1}word ${r.text}`,
    links: [],
    attachments: [],
    author: { platform: 'discord', userId: `${i + 1}`, displayName: r.displayName },
    ...(r.member ? { member: r.member } : {}),
    lang: r.lang,
    source: { platform: 'discord', ...(r.permalink === undefined ? {} : { permalink: r.permalink }) },
    receivedAt: '2026-11-10T00:00:00.000Z',
    status: 'approved',
    edition: '2026-11',
    history: [],
  }));
}

/** What the byline of an item says: its number and its author's name as cleaned, on one line. */
function byline(item: NewsItem): string {
  const name = sanitizeNews(item.author.displayName).text.replace(/\s+/g, ' ').trim() || item.author.userId;
  return `#${item.id}, sent by ${name}`;
}

describe('the sanitizer, for any text', () => {
  it('(a) leaves no live Slack or Discord mention, and (b) gives the same text when run again', () => {
    fc.assert(
      fc.property(memberText, (raw) => {
        const { text, links } = sanitizeNews(raw);
        expect(hasBroadcastMention(text)).toBe(false);
        expect(sanitizeNews(text).text).toBe(text);
        for (const link of links) expect(link).toMatch(/^https?:\/\//i);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the newsletter drafts, for any items', () => {
  const drafts = fc.array(rawItem, { minLength: 1, maxLength: 4 });

  it('(c, e) Markdown rendered by marked and by markdown-it: only allowed elements, http(s) links that show their address, no mention, every item there', () => {
    fc.assert(
      fc.property(drafts, (records) => {
        const items = itemsOf(records);
        const { markdown } = newsletterDraft(ctx, '2026-11', items);
        expect(hasBroadcastMention(markdown)).toBe(false);
        for (const [renderer, render] of Object.entries(MARKDOWN_RENDERERS)) {
          const read = readHtml(render(markdown));
          expect(read.problems, renderer).toEqual([]);
          expect(hasBroadcastMention(read.text), renderer).toBe(false);
          expect(read.elements.get('em'), renderer).toEqual(expect.arrayContaining(items.map(byline)));
          for (const item of items) expect(read.text, renderer).toContain(`keep${item.id}word`);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('(d, e) HTML document: the bot frame and allowed elements only, http(s) links that show their address, no mention, one article per item with its byline', () => {
    fc.assert(
      fc.property(drafts, (records) => {
        const items = itemsOf(records);
        const read = readHtmlDocument(newsletterDraft(ctx, '2026-11', items).html);
        expect(read.problems).toEqual([]);
        expect(hasBroadcastMention(read.text)).toBe(false);
        expect(read.elements.get('article')).toHaveLength(items.length);
        expect(read.elements.get('em')).toEqual(expect.arrayContaining(items.map(byline)));
        for (const item of items) expect(read.text).toContain(`keep${item.id}word`);
      }),
      { numRuns: 350 },
    );
  });
});
