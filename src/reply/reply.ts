import type { Lang } from '../domain/vocabulary.js';

/**
 * A platform-neutral answer. Commands build it; the Slack, Discord and console renderers turn it
 * into Block Kit, embeds or plain text. Text is plain (no markup): renderers add the emphasis
 * their platform supports and escape what it does not.
 */
export interface Reply {
  /** `ok` an answer; `empty` nothing matched (still an answer); `invalid` the request was not understood; `error` something failed. */
  status: 'ok' | 'empty' | 'invalid' | 'error';
  title: string;
  blocks: ReplyBlock[];
  /** A file that goes with the answer, such as the .ics calendar. */
  attachment?: { filename: string; mediaType: string; content: string };
  /**
   * The answer is meant to be a file (`calendar`), even when there is none to give: a script that
   * saves the file (`gsef calendar > gsef.ics`) must then fail rather than save the explanation.
   */
  fileExpected?: boolean;
  /** Query answers are private to the asker; shared answers are public. */
  visibility: 'private' | 'public';
  /** Buttons under the answer, such as Approve / Reject on a newsletter item. */
  actions?: ReplyAction[];
  /**
   * The language the answer is written in, when the bot set it: a question in French from someone
   * who chose no language is answered in French, and the platform's own words around it follow.
   */
  lang?: Lang;
}

/**
 * A button. Pressing it runs `command` (command text, as typed after /gsef) as the person who
 * pressed it, with that person's permissions: platforms need no logic of their own for it.
 */
export interface ReplyAction {
  label: string;
  command: string;
  style?: 'primary' | 'danger';
  /**
   * Each reader presses it for themselves (an answer under a reminder), rather than one person for
   * everyone (an editor's Approve): a press leaves the message, and its buttons, as they are.
   */
  eachReader?: true;
}

export type ReplyBlock =
  | { type: 'text'; text: string }
  /** `lang`: the language the labels are in, for plain text's punctuation (French "Date : …"). */
  | { type: 'fields'; lang: Lang; fields: { label: string; value: ReplyText }[] }
  | { type: 'list'; heading?: string; items: ReplyItem[] }
  | { type: 'note'; text: string };

export interface ReplyItem {
  title: string;
  details: ReplyText[];
}

/** What a field's value or an item's line holds: plain text, or a time each platform writes its own way. */
export type ReplyText = string | ReplyTime;

/**
 * A meeting's time, held as the instant it is, so that each platform can show it in its reader's
 * own zone: Slack and Discord with their date tokens (each reader's client converts them), plain
 * text in the zone of the one person it is written for. The organiser's time is always written
 * alongside, so that whoever reads it can tell which zone was meant.
 */
export interface ReplyTime {
  type: 'time';
  /** The start, in epoch milliseconds. */
  start: number;
  /** The end, in epoch milliseconds, when the meeting has a duration. */
  end?: number;
  /** The time where the organiser is, with their zone: "14:00–16:00 (Europe/Paris)". */
  organiser: string;
  /**
   * The start and end as a chat token shows them where a client cannot (notifications): in the
   * reader's zone when the answer is for one person, else the organiser's; the zone ends the last.
   */
  fallback: { start: string; end?: string };
  /** The whole as plain text: in the reader's zone, when one is known and not the organiser's, with the organiser's alongside; else `organiser`. */
  text: string;
}

/** A value or line as plain text (a time as its `text`). */
export function plainText(text: ReplyText): string {
  return typeof text === 'string' ? text : text.text;
}

export function reply(status: Reply['status'], title: string, blocks: ReplyBlock[] = []): Reply {
  return { status, title, blocks, visibility: 'private' };
}
