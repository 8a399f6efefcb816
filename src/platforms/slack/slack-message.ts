import type { Bot } from '../../bot.js';
import type { Lang } from '../../domain/vocabulary.js';
import type { MessageKey } from '../../i18n/message-keys.js';
import { escapeMrkdwn, renderSlack, type SlackButton, type SlackMessage } from './render-slack.js';
import type { Reply } from '../../reply/reply.js';
import { EACH_READER_ACTION_PREFIX, REPLY_ACTION_PREFIX, SHARE_ACTION_ID } from './slack-ids.js';

export interface SlackMessageExtras {
  /** The command text a "Share in channel" button would post again; no button when undefined. */
  share?: string | undefined;
  /** A last line in `lang`, already in mrkdwn (see `mentionLine`). */
  footer?: string | undefined;
}

/**
 * What every message the bot posts (chat.postMessage, chat.postEphemeral) adds: Slack must not turn
 * a plain `@channel` or a name into a mention. News text is made inert by the core already; this is
 * the second lock. The bot's own `<@U…>` markup (a "Shared by" line) still shows as a name.
 */
export const NO_PINGS = { parse: 'none', link_names: false } as const;

/**
 * A reply as a Slack message, with the Slack-only words (button, "more" hint) in `lang`. The
 * reply's actions become buttons (`gsef_action_0`…, or `gsef_each_0`… for those each reader
 * presses for themselves) whose value is the command they run.
 */
export function slackMessage(bot: Bot, lang: Lang, reply: Reply, extras: SlackMessageExtras = {}): SlackMessage {
  const { translator } = bot;
  const actions = (reply.actions ?? []).map((action, i): SlackButton => ({
    actionId: `${action.eachReader ? EACH_READER_ACTION_PREFIX : REPLY_ACTION_PREFIX}${i}`,
    label: action.label,
    value: action.command,
    style: action.style,
  }));
  const share: SlackButton[] =
    extras.share === undefined
      ? []
      : [{ actionId: SHARE_ACTION_ID, label: translator.t(lang, 'slack.share'), value: extras.share }];
  return renderSlack(reply, {
    more: (count) => translator.t(lang, 'slack.more', { count }),
    buttons: [...actions, ...share],
    ...(extras.footer ? { footer: extras.footer } : {}),
  });
}

/** A localized line, escaped for mrkdwn, in which the user's id becomes a Slack mention. */
export function mentionLine(bot: Bot, lang: Lang, key: MessageKey, userId: string): string {
  // User ids are [A-Z0-9]: escaping leaves them intact, so the mention goes in after escaping.
  return escapeMrkdwn(bot.t(lang, key, { user: userId })).replace(userId, `<@${userId}>`);
}

/** A localized line, escaped for mrkdwn. */
export function noteLine(bot: Bot, lang: Lang, key: MessageKey): string {
  return escapeMrkdwn(bot.t(lang, key));
}
