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
      expect(shownLength(clean(newsSeenAs(length, 'Slack', (name) => `<@U0${name.toUpperCase()}|${name}>`)))).toBe(length);
    }
  });
});
