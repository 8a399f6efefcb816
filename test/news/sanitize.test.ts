import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasBroadcastMention, sanitizeNews } from '../../src/news/sanitize.js';

/** What Slack and Discord treat as a ping, written from their documentation, not from our code. */
const PINGS = [
  /<!(channel|here|everyone)(\|[^>]*)?>/i, // Slack broadcasts
  /<!subteam\^/i, // Slack user groups
  /<@[UW][A-Z0-9]+(\|[^>]*)?>/, // Slack users
  /(^|[^\u200B])@(everyone|here)\b/i, // Discord broadcasts (an "@" right before the word)
  /<@!?\d+>/, // Discord users
  /<@&\d+>/, // Discord roles
];

const pingy = fc.constantFrom(
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!here|here>',
  '<!subteam^S123|@team>',
  '<@U123ABC>',
  '<@W9|ana>',
  '@everyone',
  '@here',
  '@Everyone',
  '<@123456>',
  '<@!123456>',
  '<@&987>',
  '<',
  '>',
  '!',
  '@',
  '&',
  '^',
  '|',
  '\u0000',
  '\u202E',
  '\r\n',
);
const messy = fc
  .array(fc.oneof(fc.string(), pingy, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('sanitizeNews', () => {
  it('never lets a ping through and never throws, whatever the text', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const { text: clean } = sanitizeNews(text);
        for (const ping of PINGS) expect(clean).not.toMatch(ping);
        // eslint-disable-next-line no-control-regex -- looking for control characters is the point here
        expect(clean).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F\u202A-\u202E]/);
      }),
      { numRuns: 2000 },
    );
  });

  it('is stable: cleaning clean text changes nothing', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const once = sanitizeNews(text).text;
        expect(sanitizeNews(once).text).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the words readable and the links', () => {
    const { text, links } = sanitizeNews(
      'Hello <!channel>, see <https://gsef-net.org/news|our page> and @everyone <@U12|ana>!',
    );
    expect(text).toBe('Hello @\u200Bchannel, see our page (https://gsef-net.org/news) and @\u200Beveryone @\u200Bana!');
    expect(links).toEqual(['https://gsef-net.org/news']);
  });

  it('reads Slack markup inside Slack markup whole, and cleans the result to the same text again', () => {
    for (const text of ['<#C1|<@U2>>', '<https://x.example|<!channel>>', '<@U1|<!here>>', '<!subteam^S1|<@U2|@ana>>']) {
      const once = sanitizeNews(text).text;
      expect(hasBroadcastMention(once), once).toBe(false);
      expect(sanitizeNews(once).text).toBe(once);
    }
  });
});

/** Characters that show nothing, from the list and beyond: each must not keep a mention hidden. */
const INVISIBLES = [
  ...'\u0000\u0001\u0008\u000B\u000C\u000E\u001B\u001F\u007F\u0080\u0085\u009B\u009F',
  ...'\u00AD\u034F\u061C\u115F\u1160\u17B4\u180B\u180E\u200B\u200C\u200D\u200E\u200F\u202A\u202B\u202C\u202D\u202E',
  ...'\u2028\u2029\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\u206A\u206F\u3164\uFE00\uFE0E\uFE0F\uFEFF\uFFA0',
  '\u{E0001}',
  '\u{E0020}',
  '\u{E0041}',
  '\u{E007F}',
  '\u{E0100}',
  '\u{E01EF}',
  '\u{1D173}',
  '\uD800',
  '\uDFFF',
  '\uFFFE',
  '\r',
  '\r\n',
];

/** Every kind of mention Slack and Discord know. */
const MENTIONS = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!here|here>',
  '<!subteam^S123|@team>',
  '<@U123ABC>',
  '<@W9|ana>',
  '<#C123|general>',
  '@everyone',
  '@here',
  '@channel',
  '<@123456>',
  '<@!123456>',
  '<@&987654>',
  '<#123456>',
  '</news:123456>',
];

describe('sanitizeNews: mentions that come back to life (issue 11, class 2)', () => {
  it.each([
    ['<\u0000!channel>', '@\u200Bchannel'],
    ['@every\u0000one', '@\u200Beveryone'],
    ['@he\u2066re', '@\u200Bhere'],
    ['<@&123\u0000456>', '@\u200B123456'],
    ['@every\u0085one', '@\u200Bevery\none'],
    ['@\u200Beveryone', '@\u200Beveryone'],
    ['<\uFEFF@\u00AD!1\u200D2>', '@\u200B12'],
    ['@e\u{E0041}veryone', '@\u200Beveryone'],
    ['<#\u034F123>', '#123'],
    ['<\u200E/cmd:1\u2069>', '<\u200B/cmd:1>'],
    ['mail ana@here.example', 'mail ana@\u200Bhere.example'],
  ])('makes %j inert: %j', (raw, inert) => {
    expect(sanitizeNews(raw).text).toBe(inert);
    expect(hasBroadcastMention(sanitizeNews(raw).text)).toBe(false);
  });

  it('leaves no live mention whatever invisible character is slipped in at whatever position, in text and in names alike', () => {
    for (const mention of MENTIONS) {
      for (let at = 0; at <= mention.length; at++) {
        for (const invisible of INVISIBLES) {
          const raw = `News ${mention.slice(0, at)}${invisible}${mention.slice(at)} today`;
          const { text } = sanitizeNews(raw);
          expect(hasBroadcastMention(text), JSON.stringify(raw)).toBe(false);
          expect(sanitizeNews(text).text, JSON.stringify(raw)).toBe(text);
        }
      }
    }
  });

  it('takes every mention of Slack and Discord for a live one (the oracle is strict)', () => {
    for (const mention of MENTIONS) expect(hasBroadcastMention(`a ${mention} b`), mention).toBe(true);
    expect(hasBroadcastMention('@every\u2060one')).toBe(true);
    expect(hasBroadcastMention('@\u200Beveryone <\u200B@1> @\u200Bana ana@example.org')).toBe(false);
  });

  it('keeps emoji whole (joiners between pictographs, presentation selectors after them), and removes the same characters elsewhere', () => {
    const emoji = '👩🏽‍💻 ❤️‍🔥 👨‍👩‍👧 🏳️‍🌈 1️⃣';
    expect(sanitizeNews(`Our team ${emoji} is ready for the forum.`).text).toBe(
      `Our team ${emoji} is ready for the forum.`,
    );
    expect(sanitizeNews('a\u200Db\uFE0Fc @\u200Deveryone @\uFE0Feveryone <\u200D!here>').text).toBe(
      'abc @\u200Beveryone @\u200Beveryone @\u200Bhere',
    );
  });

  it('keeps only emoji glue that cannot hold a mention together: removing it as well leaves no mention', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.constantFrom(...MENTIONS, '😀', '❤', '🏽', '\u200D', '\uFE0F', '\u20E3', '1', '#', '@', '<', 'everyone'),
          { maxLength: 20 },
        ),
        (parts) => {
          const { text } = sanitizeNews(parts.join(''));
          expect(hasBroadcastMention(text.replace(/\u200D|\uFE0F|\uFE0E/g, ''))).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
