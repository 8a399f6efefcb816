import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeNews } from '../../src/news/sanitize.js';

/** What Slack and Discord treat as a ping, written from their documentation, not from our code. */
const PINGS = [
  /<!(channel|here|everyone)(\|[^>]*)?>/i, // Slack broadcasts
  /<!subteam\^/i, // Slack user groups
  /<@[UW][A-Z0-9]+(\|[^>]*)?>/, // Slack users
  /(^|[^\u200B])@(everyone|here)\b/i, // Discord broadcasts (an "@" right before the word)
  /<@!?\d+>/, // Discord users
  /<@&\d+>/, // Discord roles
];

const pingy = fc.constantFrom('<!channel>', '<!here>', '<!everyone>', '<!here|here>', '<!subteam^S123|@team>', '<@U123ABC>', '<@W9|ana>', '@everyone', '@here', '@Everyone', '<@123456>', '<@!123456>', '<@&987>', '<', '>', '!', '@', '&', '^', '|', '\u0000', '\u202E', '\r\n');
const messy = fc.array(fc.oneof(fc.string(), pingy, fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 30 }).map((parts) => parts.join(''));

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
    const { text, links } = sanitizeNews('Hello <!channel>, see <https://gsef-net.org/news|our page> and @everyone <@U12|ana>!');
    expect(text).toBe('Hello @\u200Bchannel, see our page (https://gsef-net.org/news) and @\u200Beveryone @\u200Bana!');
    expect(links).toEqual(['https://gsef-net.org/news']);
  });
});
