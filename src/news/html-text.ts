import { EMAIL_STYLES } from './email-styles.js';
import { piecesWithLinks } from './safe-link.js';
import { paragraphsOf } from './text-layout.js';

/** Text for HTML, in element content and in quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A link that shows its own address (a safe http(s) URL). */
export function htmlLink(link: string): string {
  return `<a href="${escapeHtml(link)}" style="${EMAIL_STYLES.a}">${escapeHtml(link)}</a>`;
}

/** An item's text as HTML paragraphs: line breaks as <br>, http(s) links as links that show their address. */
export function htmlParagraphs(text: string): string[] {
  return paragraphsOf(text).map((lines) => `<p style="${EMAIL_STYLES.p}">${lines.map(htmlLine).join('<br>')}</p>`);
}

function htmlLine(line: string): string {
  return piecesWithLinks(line)
    .map((piece) => (piece.link === undefined ? escapeHtml(piece.text) : htmlLink(piece.link)))
    .join('');
}
