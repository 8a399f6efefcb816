/**
 * The length of a cleaned news text as people see it: the limits of news ("20 to 4,000
 * characters") are the ones a person counts on their screen, not the ones a program counts.
 *
 * - A character as people see it is a grapheme cluster: "é" written as "e" plus a combining
 *   accent, a flag, or a family emoji joined by zero-width joiners is one.
 * - The zero-width spaces are left out: after sanitizeNews every one of them was put there by the
 *   cleaner to make a mention inert (those from outside are removed first), and nobody sees them.
 */
const ZERO_WIDTH_SPACE = /\u200B/g;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function shownLength(cleanText: string): number {
  return Array.from(graphemes.segment(cleanText.replace(ZERO_WIDTH_SPACE, ''))).length;
}
