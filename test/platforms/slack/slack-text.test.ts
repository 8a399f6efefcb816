import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plainSlackText } from '../../../src/platforms/slack/slack-text.js';

describe('plainSlackText', () => {
  it.each([
    ['<@UBOT> when is the next event in Africa?', 'when is the next event in Africa?'],
    ['<@UBOT|gsef> agenda Q3', 'agenda Q3'],
    ['events in <#C123|general> &amp; R&amp;D &lt;2019&gt;', 'events in #general & R&D <2019>'],
    ['member <https://ripess.org|RIPESS>', 'member RIPESS'],
    ['see <https://gsef-net.org>', 'see https://gsef-net.org'],
    ['<!here> next-event', '@here next-event'],
    ['next-event africa', 'next-event africa'],
    ['  agenda\tQ3\n', 'agenda Q3'],
    ['events\u00a0july  2019', 'events july 2019'],
    ['', ''],
  ])('reads %j as %j', (slack, plain) => {
    expect(plainSlackText(slack)).toBe(plain);
  });

  it('gives, for any text, what the full cleaning gives: plain text is returned as it is only when nothing would change it', () => {
    // A leading space always takes the full cleaning, which trims it away: the same text through the slow path.
    const fullCleaning = (text: string) => plainSlackText(` ${text}`);
    const pieces = fc.constantFrom(
      'next-event',
      'africa',
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u2003',
      '<@U1>',
      '<#C1|general>',
      '<!here>',
      '<https://a.org|A>',
      '&amp;',
      '&lt;',
      '&',
      '<',
      '>',
      'é',
      '|',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'grapheme' }),
          fc.array(pieces).map((p) => p.join('')),
        ),
        (text) => {
          expect(plainSlackText(text)).toBe(fullCleaning(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
