import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeNews } from '../../src/news/sanitize.js';
import { shownLength } from '../../src/news/shown-length.js';
import { newsSeenAs } from '../support/long-news.js';

const clean = (text: string) => sanitizeNews(text).text;

describe('the length of a news text as people see it', () => {
  it('counts a character as people see it once, however many code points it takes', () => {
    expect(shownLength('e\u0301')).toBe(1);
    expect(shownLength('\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}')).toBe(1);
    expect(shownLength('\u{1F1F0}\u{1F1F7}\u{1F1EB}\u{1F1F7}')).toBe(2);
    expect(shownLength('🌱')).toBe(1);
  });

  it('leaves out the zero-width spaces the cleaner puts in to make mentions inert', () => {
    expect(clean('@a @b @c @d @e @f')).not.toHaveLength(17);
    expect(shownLength(clean('@a @b @c @d @e @f'))).toBe(17);
    expect(shownLength(clean('<@U1|ana> and @everyone, <#C1|general>'))).toBe('@ana and @everyone, #general'.length);
  });

  it('counts the test texts as they were built', () => {
    for (const length of [20, 999, 4000, 4001]) {
      expect(shownLength(clean(newsSeenAs(length, 'Typed')))).toBe(length);
      expect(shownLength(clean(newsSeenAs(length, 'Slack', (name) => `<@U0${name.toUpperCase()}|${name}>`)))).toBe(
        length,
      );
    }
  });

  it('counts any mix of letters, accents, marks, line breaks, joiners, flags and emoji as the segmenter does', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    const counted = (text: string) => [...segmenter.segment(text)].length;
    // Plain text that takes the quick count, and the characters that must not: joining, joined or outside the blocks.
    const characters = [
      ...'aZé9 .,;«»¿¡-\n\tçñÆßΩжЁ\u00A0\u202F\u2014\u2026',
      ...['e\u0301', '\r', '\r\n', '\u0E01', '\u0E33', '\u0D4E', '\u0D15', '\u1100', '\u1161', '\u11A8', '\uAC00'],
      ...[
        '\u200D',
        '\u200C',
        '\u00AD',
        '€',
        '🌱',
        '👨‍👩‍👧',
        '\u{1F1EB}',
        '\u{1F1F7}',
        '\u{1F3FD}',
        '\uFE0F',
        '\u0600',
        '\u0915\u094D',
      ],
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...characters), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(shownLength(text)).toBe(counted(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('counts long texts in pieces as the whole would be counted, without exhausting memory (Node copies the text into every segment)', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
    const counted = (text: string) => [...segmenter.segment(text)].length;
    const texts = [
      'e\u0301'.repeat(3000),
      '👨‍👩‍👧 '.repeat(900),
      'a' + '🇫🇷'.repeat(1500),
      '한국어 '.repeat(600),
      '\u1100\u1161\u11A8'.repeat(800),
      'नमस्ते '.repeat(500),
      'abc\u0301def'.repeat(700),
    ];
    for (const text of texts) expect(shownLength(text)).toBe(counted(text));
    expect(shownLength('news '.repeat(20_000))).toBe(100_000);
    // Millions of plain characters (the quick count), and plain text that only its last character sends to the segmenter.
    expect(shownLength('a'.repeat(10_000_000))).toBe(10_000_000);
    expect(shownLength(`${'a'.repeat(200_000)}\r`)).toBe(200_001);
    expect(shownLength('👨‍👩‍👧'.repeat(5_000))).toBe(5_000);
  });
});
