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
  | { type: 'fields'; lang: Lang; fields: { label: string; value: string }[] }
  | { type: 'list'; heading?: string; items: ReplyItem[] }
  | { type: 'note'; text: string };

export interface ReplyItem {
  title: string;
  details: string[];
}

export function reply(status: Reply['status'], title: string, blocks: ReplyBlock[] = []): Reply {
  return { status, title, blocks, visibility: 'private' };
}
