import type { types } from '@slack/bolt';
import type { Reply, ReplyBlock, ReplyItem, ReplyText, ReplyTime } from '../../reply/reply.js';
import { cutPoint } from '../../reply/truncate.js';

// Slack's Block Kit limits (docs.slack.dev/reference/block-kit): a message over them is refused
// with `invalid_blocks`, so the renderer cuts rather than hopes.
export const MAX_BLOCKS = 50;
export const MAX_SECTION_TEXT = 3000;
export const MAX_FIELDS_PER_SECTION = 10;
export const MAX_FIELD_TEXT = 2000;
export const MAX_HEADER_TEXT = 150;
export const MAX_BUTTON_TEXT = 75;
export const MAX_BUTTON_VALUE = 2000;
export const MAX_BUTTONS = 25;

export type SlackBlock = types.KnownBlock;

export interface SlackButton {
  actionId: string;
  label: string;
  /** What comes back when the button is pressed; a button whose value is over MAX_BUTTON_VALUE is left out. */
  value: string;
  style?: 'primary' | 'danger' | undefined;
}

export interface SlackRenderOptions {
  /** The line that ends a cut answer, in the reply's language ("…and 12 more"). */
  more(hidden: number): string;
  /** Buttons under the answer, such as "Share in channel" or a reply's actions (Approve / Reject). */
  buttons?: SlackButton[];
  /** A last context line in mrkdwn, NOT escaped: the caller builds it from trusted parts (a `<@user>` mention). */
  footer?: string;
}

/** What chat.postMessage and response URLs take: the blocks, and the text notifications show. */
export interface SlackMessage {
  blocks: SlackBlock[];
  text: string;
}

/** A rendered block and the number of list items it shows, to count what a cut hides. */
interface Piece {
  block: SlackBlock;
  items: number;
}

/** Renders a Reply as Block Kit within Slack's limits; long answers end with the `more` hint. */
export function renderSlack(reply: Reply, options: SlackRenderOptions): SlackMessage {
  const head = [titleBlock(reply)];
  const tail: SlackBlock[] = [];
  if (options.footer) tail.push(context(options.footer));
  const buttons = (options.buttons ?? []).filter((b) => b.value.length <= MAX_BUTTON_VALUE).slice(0, MAX_BUTTONS);
  if (buttons.length > 0) tail.push({ type: 'actions', elements: buttons.map(button) });

  const body = reply.blocks.flatMap(renderBlock);
  const room = MAX_BLOCKS - head.length - tail.length;
  let shown = body;
  if (body.length > room) {
    shown = body.slice(0, room - 1);
    const dropped = body.slice(room - 1);
    const hiddenItems = dropped.reduce((sum, piece) => sum + piece.items, 0);
    shown.push({
      block: context(escapeMrkdwn(options.more(hiddenItems > 0 ? hiddenItems : dropped.length))),
      items: 0,
    });
  }
  return {
    blocks: [...head, ...shown.map((p) => p.block), ...tail],
    text: truncate(escapeMrkdwn(reply.title), MAX_SECTION_TEXT),
  };
}

/** Slack's mrkdwn reads `&`, `<` and `>` as markup (entities, links, mentions): plain text must escape them. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text escaped, or a time as Slack's date tokens. */
function slackText(text: ReplyText): string {
  return typeof text === 'string' ? escapeMrkdwn(text) : slackTime(text);
}

/**
 * A time as Slack's date tokens (docs.slack.dev, "Formatting text for app surfaces": `<!date^unix
 * seconds^format|fallback>`), which each reader's client writes in their own zone and language
 * ("Tomorrow 10:00 PM–12:00 AM"), then the organiser's time alongside. A client that cannot
 * show a token shows its fallback, which names its zone.
 */
export function slackTime(time: ReplyTime): string {
  const token = (ms: number, format: string, fallback: string) =>
    `<!date^${Math.floor(ms / 1000)}^${format}|${escapeMrkdwn(fallback)}>`;
  const start = token(time.start, '{date_long_pretty} {time}', time.fallback.start);
  const end = time.end === undefined ? '' : `–${token(time.end, '{time}', time.fallback.end ?? '')}`;
  return `${start}${end} · ${escapeMrkdwn(time.organiser)}`;
}

function titleBlock(reply: Reply): SlackBlock {
  // A header suits an answer; a refusal or an apology reads better as a plain sentence.
  if (reply.status === 'ok' || reply.status === 'empty') {
    return { type: 'header', text: { type: 'plain_text', text: truncate(reply.title, MAX_HEADER_TEXT), emoji: true } };
  }
  return section(`*${escapeMrkdwn(reply.title)}*`);
}

function renderBlock(block: ReplyBlock): Piece[] {
  switch (block.type) {
    case 'text':
      return splitText(escapeMrkdwn(block.text), MAX_SECTION_TEXT).map((text) => ({ block: section(text), items: 0 }));
    case 'note':
      return [{ block: context(truncate(escapeMrkdwn(block.text), MAX_SECTION_TEXT)), items: 0 }];
    case 'fields': {
      const fields = block.fields.map((f) => ({
        type: 'mrkdwn' as const,
        text: truncate(`*${escapeMrkdwn(f.label)}*\n${slackText(f.value)}`, MAX_FIELD_TEXT),
      }));
      const pieces: Piece[] = [];
      for (let i = 0; i < fields.length; i += MAX_FIELDS_PER_SECTION) {
        pieces.push({ block: { type: 'section', fields: fields.slice(i, i + MAX_FIELDS_PER_SECTION) }, items: 0 });
      }
      return pieces;
    }
    case 'list': {
      // One section per item: easy to read, and the block budget then cuts long lists by whole items.
      const heading: Piece[] = block.heading
        ? [{ block: section(`*${truncate(escapeMrkdwn(block.heading), MAX_SECTION_TEXT - 2)}*`), items: 0 }]
        : [];
      return [...heading, ...block.items.map((item) => ({ block: section(itemText(item)), items: 1 }))];
    }
  }
}

function itemText(item: ReplyItem): string {
  const title = `*${escapeMrkdwn(item.title)}*`;
  return truncate([title, ...item.details.map(slackText)].join('\n'), MAX_SECTION_TEXT);
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(text: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}

function button(b: SlackButton): types.Button {
  return {
    type: 'button',
    action_id: b.actionId,
    text: { type: 'plain_text', text: truncate(b.label, MAX_BUTTON_TEXT) },
    value: b.value,
    ...(b.style ? { style: b.style } : {}),
  };
}

/** Cuts to `max` characters with an ellipsis, never in the middle of an `&amp;` entity or of a character (see cutPoint). */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, cutPoint(text, max - 1)).replace(/&[a-z]*$/, '')}…`;
}

/** Splits a long text into pieces of at most `max` characters, at a line break or a space when there is one. */
function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let at = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    if (at <= 0) at = Math.max(cutPoint(rest, max), 1);
    // Never split an entity such as &amp; in two.
    const entity = /&[a-z]*$/.exec(rest.slice(0, at));
    if (entity && entity.index > 0) at = entity.index;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^[\n ]/, '');
  }
  if (rest !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
}
