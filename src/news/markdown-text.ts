import { piecesWithLinks } from './safe-link.js';
import { paragraphsOf } from './text-layout.js';

/**
 * Text from outside (news, names, even the data's region and member names) written into a
 * Markdown document so that every renderer shows it as the same plain words and nothing else.
 */

/**
 * Backslash-escapes exactly what can start Markdown syntax (CommonMark and GitHub's extensions),
 * so that no emphasis, code, link, image, raw HTML, entity, autolink, table, strikethrough,
 * heading, quote, list, fence, thematic break or setext underline can start, while ordinary
 * punctuation (commas, full stops, hyphens, apostrophes) stays as written: the draft is also read
 * as it is, pasted into chat or e-mail.
 * - Anywhere: `\ \` * _ [ ] ( ) < > & ! | ~ { } @ :`. `@` and `:` are the triggers of GitHub's
 *   e-mail and `mailto:`/`xmpp:` autolinks; every `www.` (even after `_` or `*`) is escaped too,
 *   the trigger of its web autolinks.
 * - At the start of a line (its leading spaces go, since four would open a code block): `#`,
 *   `+`, `-`, `=` (headings, lists, breaks, setext underlines), and the `.` or `)` of `1.`/`1)`.
 */
export function escapeCommonMark(text: string): string {
  return text
    .replace(/^[^\S\n]+/gm, '')
    .replace(/[\\`*_[\]()<>&!|~{}@:]/g, '\\$&')
    .replace(/(www)\./gi, '$1\\.')
    .replace(/^[#+\-=]/gm, '\\$&')
    .replace(/^(\d+)([.)])/gm, '$1\\$2');
}

/** A link that shows its own address: the words and the target are the same safe http(s) URL. */
export function markdownLink(link: string): string {
  return `[${escapeCommonMark(link)}](${escapeCommonMark(link)})`;
}

/**
 * An item's text as Markdown paragraphs: a blank line still separates paragraphs, a single line
 * break is kept as a hard break (a backslash at the end of the line), and http(s) links become
 * links that show their address.
 */
export function markdownParagraphs(text: string): string[] {
  return paragraphsOf(text).map((lines) => lines.map(markdownLine).join('\\\n'));
}

function markdownLine(line: string): string {
  return piecesWithLinks(line)
    .map((piece) => (piece.link === undefined ? escapeCommonMark(piece.text) : markdownLink(piece.link)))
    .join('');
}
