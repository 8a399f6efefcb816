/**
 * Links a reader may follow from a draft: only http and https, written so that what the reader
 * sees is the address the link goes to.
 */

/** Longer addresses are not links people send; refusing them keeps every renderer's work small. */
const MAX_LINK_LENGTH = 2048;
/** http(s) addresses as they appear in text; closing punctuation after them is the sentence's, not the link's. */
const HTTP_LINK = /https?:\/\/[^\s<>()"]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'’”»]+$/u;
/**
 * What stays as it is in an address: letters, digits and the characters that give it its parts.
 * The rest (quotes, brackets, parentheses, backslash, backtick, "|", "^", a "%" that starts no
 * escape) is percent-encoded, so that no Markdown or HTML reading can end the address early, and
 * so is an "@" before everyone, here or channel, which would ping when the address is pasted,
 * and the ";" that would end an HTML entity (&lt;), which a renderer may leave for the browser
 * to read as another character.
 */
const UNSAFE_IN_LINK = /%(?![0-9A-Fa-f]{2})|[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]|@(?=everyone|here|channel)|(?<=&#?\w+);/gi;

/**
 * The address as a safe http(s) link: parsed as a browser would (so "java\nscript:" is seen for
 * what it is), refused unless http or https, refused with a user name or password in it (which
 * hide the real host: https://bank.example@evil.example), then written in plain ASCII. The
 * zero-width spaces that make mentions in a text inert are no part of an address it holds.
 * Undefined when it is not such a link.
 */
export function safeHttpLink(raw: string): string | undefined {
  if (raw.length > MAX_LINK_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(raw.replace(/\u200B/g, ''));
  } catch {
    return undefined;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '')
    return undefined;
  return url.href.replace(UNSAFE_IN_LINK, (char) =>
    [...new TextEncoder().encode(char)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** A piece of text, and the safe link it is when it is one. */
export interface TextPiece {
  text: string;
  link?: string;
}

/** Text cut into plain pieces and the http(s) links in it, in order; a link that is not safe stays plain text. */
export function piecesWithLinks(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let from = 0;
  for (const match of text.matchAll(HTTP_LINK)) {
    const candidate = match[0].replace(TRAILING_PUNCTUATION, '');
    const link = safeHttpLink(candidate);
    if (link === undefined) continue;
    if (match.index > from) pieces.push({ text: text.slice(from, match.index) });
    pieces.push({ text: candidate, link });
    from = match.index + candidate.length;
  }
  if (from < text.length || pieces.length === 0) pieces.push({ text: text.slice(from) });
  return pieces;
}

/** The http(s) links of a text, in order, without duplicates. */
export function findHttpLinks(text: string): string[] {
  return [...new Set(piecesWithLinks(text).flatMap((piece) => (piece.link === undefined ? [] : [piece.text])))];
}
