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
/** Made at the first count, not when the module loads: creating it loads ICU's break rules (tens of ms). */
let graphemes: Intl.Segmenter | undefined;

/**
 * Node's Intl.Segmenter copies the whole input into every segment it hands out, so counting a
 * long text in one go costs its length squared (100,000 characters exhausted a 4 GB heap). The
 * text is counted in pieces of about this many UTF-16 units, cut where a character always ends.
 */
const PIECE = 512;

/**
 * Between two of these there is always a grapheme boundary: letters, digits, punctuation and
 * spaces, without the marks that attach to what comes before, the Hangul jamo that join into a
 * syllable, and the symbols (emoji, regional indicators) that join with joiners and modifiers.
 */
const STANDS_ALONE = /^[\p{L}\p{N}\p{P}\p{Zs}]$/u;
const HANGUL_JAMO = /^[\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF]$/u;

/**
 * A character people may not see as one on its own. Seen alone are line feeds, tabs, and the
 * letters, digits, punctuation and spaces of the Latin, Greek and Cyrillic blocks and of General
 * Punctuation (French's narrow no-break space): none of them joins with another (the accents that
 * do are marks, not letters; a carriage return joins a line feed), so text of them only has as
 * many characters as UTF-16 units. Most news is such text, and counting it so takes about 1 µs
 * where the segmenter takes about 115 µs (a 100-character item). Beyond these blocks, a few
 * letters do join (Thai's SARA AM, Malayalam's DOT REPH): the segmenter counts those. A search for
 * one such character, not a match of the whole text: a whole-text pattern overflowed the regular
 * expression engine's stack on a few million characters.
 */
const NOT_SEEN_ALONE = /[^\n\t\u0020-\u052F\u2000-\u206F]|(?![\n\t])[^\p{L}\p{N}\p{P}\p{Zs}]/u;

export function shownLength(cleanText: string): number {
  const text = cleanText.replace(ZERO_WIDTH_SPACE, '');
  if (!NOT_SEEN_ALONE.test(text)) return text.length;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let count = 0;
  for (const piece of pieces(text)) {
    // Stepped through, not collected: a piece with no place to cut (emoji after emoji) may be long.
    const segments = graphemes.segment(piece)[Symbol.iterator]();
    while (!segments.next().done) count++;
  }
  return count;
}

/** The text in pieces of about PIECE units, each cut between two characters that stand alone. */
function* pieces(text: string): Generator<string> {
  let start = 0;
  let previous = '';
  let at = 0;
  for (const char of text) {
    if (at - start >= PIECE && standsAlone(previous) && standsAlone(char)) {
      yield text.slice(start, at);
      start = at;
    }
    previous = char;
    at += char.length;
  }
  yield text.slice(start);
}

function standsAlone(char: string): boolean {
  return STANDS_ALONE.test(char) && !HANGUL_JAMO.test(char);
}
