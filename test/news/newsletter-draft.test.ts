import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/dispatch/command.js';
import type { Asker } from '../../src/domain/asker.js';
import type { NewsItem } from '../../src/news/news-item.js';
import { newsletterDraft } from '../../src/news/newsletter-draft.js';
import { hasBroadcastMention } from '../../src/news/sanitize.js';
import { botAt } from '../support/test-bot.js';
import {
  approvedItem as item,
  MARKDOWN_RENDERERS,
  readHtml,
  readHtmlDocument,
  type ReadDraft,
} from './rendered-draft.js';

const secretariat: Asker = { platform: 'console', id: 'secretariat', displayName: 'secretariat', isEditor: true };

async function editorContext(): Promise<CommandContext> {
  return (await botAt('2026-11-10')).context(secretariat, 'en');
}

/** The draft as readers meet it: the Markdown through each renderer, and the HTML. */
async function readers(items: NewsItem[]): Promise<[string, ReadDraft][]> {
  const { markdown, html } = newsletterDraft(await editorContext(), '2026-11', items);
  return [
    ...Object.entries(MARKDOWN_RENDERERS).map(([name, render]): [string, ReadDraft] => [
      `Markdown via ${name}`,
      readHtml(render(markdown)),
    ]),
    ['HTML', readHtmlDocument(html)],
  ];
}

const ATTACKS = [
  '<script>alert(1)</script> Cooperatives gather in Bamako.',
  '<img src=x onerror=alert(1)> Cooperatives gather in Bamako.',
  '<svg onload=alert(1)> Cooperatives gather in Bamako.',
  '<iframe src="javascript:alert(1)"></iframe> Cooperatives gather.',
  '[click here](javascript:alert(1)) Cooperatives gather in Bamako.',
  '[the report](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) Cooperatives gather.',
  '[the report](vbscript:msgbox(1)) Cooperatives gather in Bamako.',
  '![](https://tracker.example/pixel.png) Cooperatives gather in Bamako.',
  '[the report][r] Cooperatives gather.\n\n[r]: javascript:alert(1)',
  '<javascript:alert(1)> and <https://evil.example> Cooperatives gather.',
  '[https://gsef-net.org](https://evil.example) Cooperatives gather in Bamako.',
  '<a href="javascript:alert(1)">gsef-net.org</a> Cooperatives gather.',
  '&lt;script&gt;alert(1)&lt;/script&gt; &#106;avascript: Cooperatives gather.',
  '<!-- Cooperatives gather in Bamako, and every later item is hidden',
  '<style>body{display:none}</style> Cooperatives gather in Bamako.',
];

describe('newsletter draft: injection (issue 11, class 1)', () => {
  it.each(ATTACKS)(
    'shows %j as words, in every format, with no element, attribute or link beyond the allow-list',
    async (text) => {
      const items = [item(1, text), item(2, 'The next item must still be there after the first one.')];
      for (const [reader, read] of await readers(items)) {
        expect(read.problems, reader).toEqual([]);
        expect(read.text, reader).toContain('Cooperatives gather');
        expect(read.text, reader).toContain('The next item must still be there after the first one.');
        expect(read.elements.get('em'), reader).toEqual(['#1, sent by Author 1', '#2, sent by Author 2']);
      }
    },
  );

  it('keeps the document structure its own: text and names cannot add headings, sections, quotes, lists, tables, code or rules', async () => {
    const structure = [
      'Intro line\n# A heading of my own\n## A fake section\n===\n---\n> a quote\n- a list\n1. a numbered list\n| a | b |\n|---|---|\n```js\ncode\n```\n~~~\n    indented code\n***',
      'Setext heading\n===',
      'Another one\n---',
    ];
    const items = structure.map((text, i) =>
      item(i + 1, text, { author: { platform: 'discord', userId: `${i}`, displayName: '# Heading name\n## Section' } }),
    );
    for (const [reader, read] of await readers(items)) {
      expect(read.problems, reader).toEqual([]);
      // Only the bot's own headings: the title, the language, the region and the member.
      expect(read.elements.get('h1'), reader).toEqual(['GSEF newsletter, 2026-11']);
      expect(read.elements.get('h2'), reader).toEqual(['English']);
      expect(read.elements.get('h3'), reader).toEqual(['Other news']);
      expect(read.elements.get('h4'), reader).toEqual(['Individual contributors']);
      expect(read.text, reader).toContain('# A heading of my own');
      expect(read.text, reader).toContain('| a | b |');
      expect(read.elements.get('em'), reader).toEqual([
        '#1, sent by # Heading name ## Section',
        '#2, sent by # Heading name ## Section',
        '#3, sent by # Heading name ## Section',
      ]);
    }
  });

  it('escapes the names that come from data too (a member id the store holds but the data does not know)', async () => {
    const items = [
      item(1, 'An item of a member the data does not know about.', { member: '<img src=x onerror=alert(1)>' }),
    ];
    for (const [reader, read] of await readers(items)) {
      expect(read.problems, reader).toEqual([]);
      expect(read.elements.get('h4'), reader).toEqual(['<img src=x onerror=alert(1)>']);
    }
  });

  it('links only to http(s) sources, and shows the address the link opens', async () => {
    const items = [
      item(1, 'A source given by a forged API answer.', {
        source: { platform: 'slack', permalink: 'javascript:alert(document.cookie)' },
      }),
      item(2, 'A data: source.', {
        source: { platform: 'slack', permalink: 'data:text/html,<script>alert(1)</script>' },
      }),
      item(3, 'A source that hides its host behind a user name.', {
        source: { platform: 'slack', permalink: 'https://gsef.slack.com@evil.example/' },
      }),
      item(4, 'A source with quotes and brackets.', {
        source: { platform: 'slack', permalink: 'https://gsef.slack.com/archives/C1/p4?x="><script>alert(1)</script>' },
      }),
      item(5, 'A real one.'),
    ];
    for (const [reader, read] of await readers(items)) {
      expect(read.problems, reader).toEqual([]);
      expect(read.links, reader).toEqual([
        'https://gsef.slack.com/archives/C1/p4?x=%22%3E%3Cscript%3Ealert%281%29%3C/script%3E',
        'https://gsef.slack.com/archives/C1/p5',
      ]);
    }
  });

  it('makes the http(s) links of an item links that show their address, and leaves other schemes as words', async () => {
    const items = [item(1, 'Read https://gsef-net.org/news?a=1&b=2. Not javascript:alert(1) nor data:text/html,x.')];
    for (const [reader, read] of await readers(items)) {
      expect(read.problems, reader).toEqual([]);
      expect(read.links, reader).toEqual([
        'https://gsef-net.org/news?a=1&b=2',
        'https://gsef.slack.com/archives/C1/p1',
      ]);
      expect(read.text, reader).toContain('Not javascript:alert(1) nor data:text/html,x.');
    }
  });

  it("keeps an item's paragraphs and line breaks", async () => {
    const items = [item(1, 'First paragraph, line one.\nLine two.\n\nSecond paragraph.')];
    for (const [reader, read] of await readers(items)) {
      expect(read.elements.get('p')!.slice(0, 2), reader).toEqual([
        'First paragraph, line one.\nLine two.',
        'Second paragraph.',
      ]);
      expect(read.elements.get('br'), reader).toHaveLength(1);
    }
  });

  it('shows no live mention, even from an item stored before mentions were made inert for good', async () => {
    const items = [
      item(1, 'Hello @everyone and <!channel>, <@U123> and <@&456>.', {
        author: { platform: 'discord', userId: '1', displayName: '@here' },
      }),
    ];
    const { markdown, html } = newsletterDraft(await editorContext(), '2026-11', items);
    // The doctype is the one "<!" the bot writes itself: it is no Slack mention.
    for (const draft of [markdown, html.replace(/^<!DOCTYPE html>\n/, '')]) {
      expect(draft).not.toMatch(/@(everyone|here|channel)|<[!@#]/);
      expect(draft).toContain('@\u200Beveryone');
    }
  });

  it('shows no mention inside a link either, and no entity a browser would read in its address', async () => {
    const items = [
      item(1, 'See https://x.example/@here/and?who=@everyone today.', {
        source: { platform: 'slack', permalink: 'https://gsef-net.org/a?b=1&c=2@channel' },
      }),
    ];
    items.push(
      item(
        2,
        'And https://gsef-net.org/a?b=1&lt;script&gt;x=1 (an entity a renderer could leave in the address for the browser).',
      ),
    );
    for (const [reader, read] of await readers(items)) {
      expect(read.problems, reader).toEqual([]);
      expect(read.links, reader).toEqual([
        'https://x.example/%40here/and?who=%40everyone',
        'https://gsef-net.org/a?b=1&c=2%40channel',
        'https://gsef-net.org/a?b=1&lt%3Bscript&gt%3Bx=1',
        'https://gsef.slack.com/archives/C1/p2',
      ]);
      expect(hasBroadcastMention(read.text), reader).toBe(false);
    }
  });
});

describe('newsletter draft: the HTML is a complete document (issue 14, section 4)', () => {
  it("declares its doctype, charset, title and languages: the editor's on the document and on what the bot writes, each group's on its section", async () => {
    const ctx = (await botAt('2026-11-10')).context(secretariat, 'fr');
    const items = [
      item(1, 'In English.'),
      item(2, 'En français.', { lang: 'fr' }),
      item(3, 'En español.', { lang: 'es' }),
    ];
    const { html, markdown } = newsletterDraft(ctx, '2026-11', items);
    expect(html).toMatch(/^<!DOCTYPE html>\n/);
    const read = readHtmlDocument(html);
    expect(read.problems).toEqual([]);
    expect(read.elements.get('title')).toEqual(['Bulletin du GSEF, 2026-11']);
    const byline = ['p lang=fr'];
    expect(read.attributes).toEqual([
      'html lang=fr',
      'meta charset=utf-8',
      'meta name=viewport',
      'meta content=width=device-width, initial-scale=1',
      'section lang=en',
      ...['h2', 'h3', 'h4'].map((h) => `${h} lang=fr`),
      ...byline,
      'section lang=fr',
      'section lang=es',
      ...['h2', 'h3', 'h4'].map((h) => `${h} lang=fr`),
      ...byline,
    ]);
    // Language names are lower-case in a French sentence, capitalised as headings, in both formats.
    expect(read.elements.get('h2')).toEqual(['Anglais', 'Français', 'Espagnol']);
    expect(readHtml(MARKDOWN_RENDERERS.marked!(markdown)).elements.get('h2')).toEqual([
      'Anglais',
      'Français',
      'Espagnol',
    ]);
  });

  it('styles every element inline, with no style sheet and no script for an email client to drop', async () => {
    const { html } = newsletterDraft(await editorContext(), '2026-11', [item(1, 'See https://gsef-net.org.')]);
    const read = readHtmlDocument(html);
    expect(read.problems).toEqual([]);
    expect(read.elements.has('style')).toBe(false);
    expect(read.elements.has('script')).toBe(false);
    for (const tag of ['body', 'div', 'h1', 'h2', 'h3', 'h4', 'article', 'p', 'a'])
      expect(html, tag).toMatch(new RegExp(`<${tag}[^>]* style="[^"]+"`));
    expect(read.links).toEqual(['https://gsef-net.org/', 'https://gsef.slack.com/archives/C1/p1']);
  });

  it('is a whole document for an empty edition too, in the editor’s language', async () => {
    const { html } = newsletterDraft(await editorContext(), '2026-11', []);
    const read = readHtmlDocument(html);
    expect(read.problems).toEqual([]);
    expect(read.attributes).toEqual([
      'html lang=en',
      'meta charset=utf-8',
      'meta name=viewport',
      'meta content=width=device-width, initial-scale=1',
    ]);
    expect(read.elements.get('p')).toEqual(['No approved news for this edition yet.']);
  });
});
