import { removeInvisibleCharacters } from '../invisible-characters.js';
import { findHttpLinks } from './safe-link.js';

/**
 * Makes text sent as news (and the names of the people who send it) safe to queue and to
 * publish: it can never ping anyone once posted in Slack or Discord, or pasted there from a
 * draft, and it holds no control or invisible characters. Never throws, whatever the input.
 *
 * The order matters. Invisible characters go first: removed after the mentions were made inert,
 * they would join `@every\u0000one` back into `@everyone`. Slack's and Discord's markup is then
 * turned into the words it shows, and what could still ping gets a zero-width space after its
 * `@` or `<`. Cleaning clean text changes nothing: the zero-width spaces are removed and put
 * back in the same places, and no markup is left to read.
 */

/** A zero-width space: placed after "@" (or "<") it keeps the text readable and the mention inert. */
const ZWSP = '\u200B';

export interface SanitizedNews {
  text: string;
  /** The http(s) links found in the text, in order, without duplicates. */
  links: string[];
}

export function sanitizeNews(raw: string): SanitizedNews {
  const visible = tidyWhitespace(removeInvisibleCharacters(normaliseLineBreaks(String(raw ?? ''))));
  const text = neutraliseMentions(tidyWhitespace(readMarkup(visible)));
  return { text, links: findHttpLinks(text) };
}

/**
 * Text from outside made inert once more where it is shown (a notice, the queue, a draft): an
 * item stored by an older version, or written to the store by someone else, may not have been.
 * Cleaning clean text changes nothing.
 */
export function inertText(text: string): string {
  return sanitizeNews(text).text;
}

/** Line breaks of every kind as "\n" (before the invisible characters go, or a lone CR would join two lines). */
function normaliseLineBreaks(text: string): string {
  // eslint-disable-next-line no-control-regex -- vertical tab, form feed and NEL are line breaks too
  return text.replace(/\r\n?|[\u000B\u000C\u0085\u2028]/g, '\n').replace(/\u2029/g, '\n\n');
}

/** No spaces at the end of a line, at most one blank line in a row, none at either end. */
function tidyWhitespace(text: string): string {
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Slack's and Discord's markup as the words a reader sees: links (<https://x|label>), broadcasts
 * (<!here>), user groups (<!subteam^S1|@team>), users and roles (<@U1|ana>, <@123>, <@!123>,
 * <@&123>) and channels (<#C1|general>, <#123>). As in Slack's and Discord's own markup, an id
 * holds no space and a label no line break, and neither holds "<" or ">".
 */
/** Longer than any markup Slack or Discord writes: left as it is, which keeps deeply nested "<" cheap to read. */
const MAX_MARKUP_LENGTH = 1000;
const READINGS: readonly [RegExp, (first: string, second: string | undefined) => string][] = [
  [/^<(https?:\/\/[^<>|\s]+)\|([^<>\n]*)>$/i, (url, label) => `${label ?? ''} (${url})`],
  [/^<(https?:\/\/[^<>|\s]+)>$/i, (url) => url],
  [/^<!subteam\^[^<>|\s]*(?:\|([^<>\n]*))?>$/i, (label) => `@${(label ?? 'team').replace(/^@/, '')}`],
  [
    /^<!([^<>|\s]*)(?:\|([^<>\n]*))?>$/,
    (name, label) => (label !== undefined && !/^(channel|here|everyone)$/i.test(name) ? label : `@${name}`),
  ],
  [/^<@[!&]?([^<>|\s]*)(?:\|([^<>\n]*))?>$/, (id, label) => `@${(label ?? id).replace(/^@/, '')}`],
  [/^<#([^<>|\s]*)(?:\|([^<>\n]*))?>$/, (id, label) => `#${label ?? id}`],
];

/**
 * Reads the markup of a text in one pass, each "<…>" when its ">" comes, so that markup inside
 * markup (<#C1|<@U2>>) is read from the inside out: what is left is never markup that a second
 * reading would find (cleaning stays idempotent), and the work stays near linear in the length.
 */
function readMarkup(text: string): string {
  const out: string[] = [];
  const opened: number[] = [];
  for (const char of text) {
    const at = char === '>' ? opened.pop() : undefined;
    if (at === undefined) {
      if (char === '<') opened.push(out.length);
      out.push(char);
      continue;
    }
    out.push(readPiece(`${out.splice(at).join('')}>`));
  }
  return out.join('');
}

function readPiece(piece: string): string {
  if (piece.length > MAX_MARKUP_LENGTH) return piece;
  for (const [pattern, read] of READINGS) {
    const match = pattern.exec(piece);
    if (match) return read(match[1] ?? '', match[2]);
  }
  return piece;
}

/**
 * What could still ping gets a zero-width space: "@" before everyone / here / channel, wherever
 * it stands (Discord finds @everyone inside words too); "@" starting a word (a Slack client
 * turns `@ana` into a mention when it sends a pasted draft), but not the one of an e-mail
 * address or a URL path; "<" before "!", "@", "#" or "/", which starts every mention Slack and
 * Discord know (<!here>, <@U1>, <@&1>, <#1>, </command:1>).
 */
function neutraliseMentions(text: string): string {
  return text
    .replace(/@(?=everyone|here|channel)/gi, `@${ZWSP}`)
    .replace(/(?<=^|[\s([{"'«“‘])@(?=[\p{L}\p{N}_])/gu, `@${ZWSP}`)
    .replace(/<(?=[!@#/])/g, `<${ZWSP}`);
}

/**
 * True when the text holds anything Slack or Discord could turn into a ping, or into a mention
 * of a person, role, channel or command, even after a program drops its invisible characters
 * (all but the zero-width space that makes a mention inert): what sanitizeNews prevents, and
 * the oracle the tests use. Strict on purpose: a stray "<@" counts.
 */
export function hasBroadcastMention(text: string): boolean {
  const visible = text
    .split(ZWSP)
    .map((part) => removeInvisibleCharacters(part).replace(/\u200D|\uFE0E|\uFE0F/g, ''))
    .join(ZWSP);
  return /@(everyone|here|channel)|<[!@#/]|(?:^|[\s([{"'«“‘])@[\p{L}\p{N}_]/iu.test(visible);
}
