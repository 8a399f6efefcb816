import { piecesWithLinks } from './safe-link.js';
import { paragraphsOf } from './text-layout.js';

/**
 * Text from outside (news, names, even the data's region and member names) written into a
 * Markdown document so that every renderer shows it as the same plain words and nothing else.
 */

/**
 * Every ASCII punctuation character escaped with a backslash, as CommonMark allows for all of
 * them: no emphasis, link, image, raw HTML, entity, autolink, code span, heading, quote, list,
 * table, fence, thematic break or setext underline can start. A line's leading spaces go, since
 * four of them would open a code block.
 */
export function escapeCommonMark(text: string): string {
  return text.replace(/^[^\S\n]+/gm, '').replace(/[!-/:-@[-`{-~]/g, '\\$&');
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
