/** Made at the first cut, not when the module loads: creating it loads ICU's break rules (tens of ms). */
let graphemes: Intl.Segmenter | undefined;

/**
 * Where to cut `text` at or before UTF-16 index `at` without cutting a character as people see it
 * in two: half an emoji (a lone surrogate) is invalid text that Slack or Discord may refuse, and
 * half a flag or a family emoji shows as something else. A single character longer than the
 * room (a letter under dozens of accents) is cut between its code points instead.
 */
export function cutPoint(text: string, at: number): number {
  if (at >= text.length) return text.length;
  if (at <= 0) return 0;
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  const start = graphemes.segment(text).containing(at)?.index ?? at;
  if (start > 0) return start;
  return /[\uDC00-\uDFFF]/.test(text.charAt(at)) ? at - 1 : at;
}

/** Cuts text to at most `max` characters (UTF-16 units), marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  return text.length <= max ? text : `${text.slice(0, cutPoint(text, max - 1)).trimEnd()}…`;
}
