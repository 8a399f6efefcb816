/**
 * Makes text sent as news safe to queue and to publish: it can never ping anyone once posted in
 * Slack or Discord, and it holds no control characters. Never throws, whatever the input.
 */

/** A zero-width space: placed after "@" it keeps the text readable and the mention inert. */
const ZWSP = '\u200B';

export interface SanitizedNews {
  text: string;
  /** The http(s) links found in the text, in order, without duplicates. */
  links: string[];
}

export function sanitizeNews(raw: string): SanitizedNews {
  let text = String(raw ?? '');
  // Slack's markup for broadcasts, user groups, users and channels: <!here>, <!subteam^S1|@team>, <@U1|ana>, <#C1|general>.
  text = text.replace(/<!(channel|here|everyone)(\|[^>]*)?>/gi, (_m, name: string) => `@${ZWSP}${name.toLowerCase()}`);
  text = text.replace(/<!subteam\^[^>|]*(\|([^>]*))?>/gi, (_m, _l, label: string | undefined) => `@${ZWSP}${(label ?? 'team').replace(/^@/, '')}`);
  text = text.replace(/<!([^>|]*)(\|[^>]*)?>/g, (_m, name: string) => `@${ZWSP}${name}`);
  text = text.replace(/<@([UW][A-Z0-9]+)(\|([^>]*))?>/g, (_m, id: string, _l, label: string | undefined) => `@${ZWSP}${label ?? id}`);
  text = text.replace(/<#([A-Z0-9]+)(\|([^>]*))?>/g, (_m, id: string, _l, label: string | undefined) => `#${label ?? id}`);
  // Slack links: <https://x|label> -> label (https://x)
  text = text.replace(/<(https?:\/\/[^>|\s]+)\|([^>]*)>/g, (_m, url: string, label: string) => `${label} (${url})`);
  text = text.replace(/<(https?:\/\/[^>|\s]+)>/g, '$1');
  // Discord's markup: <@123>, <@!123>, <@&123> (a role), and the plain @everyone / @here.
  text = text.replace(/<@[!&]?(\d+)>/g, (_m, id: string) => `@${ZWSP}${id}`);
  text = text.replace(/@(everyone|here|channel)\b/gi, (_m, name: string) => `@${ZWSP}${name}`);
  // Control characters (keeping tab and newline), and the bidirectional overrides used to disguise text.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  text = text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '');
  text = text.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  const links = [...new Set(text.match(/https?:\/\/[^\s<>()"]+/g) ?? [])];
  return { text, links };
}

/** True when the text could still ping a whole channel once posted (what sanitizeNews prevents). */
export function hasBroadcastMention(text: string): boolean {
  return /<!(channel|here|everyone)|@(everyone|here|channel)\b|<@[!&]?\d+>|<@[UW][A-Z0-9]+/i.test(text);
}
