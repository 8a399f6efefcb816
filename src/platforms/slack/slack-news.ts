import { webApi } from './bolt.js';
import type { Asker } from '../../domain/asker.js';
import type { IncomingNews } from '../../news/submit-news.js';
import type { SlackMessage } from './render-slack.js';
import { reply, type Reply } from '../../reply/reply.js';
import type { SlackDeps } from './slack-deps.js';
import { NO_PINGS } from './slack-message.js';
import { slackMessageFacts } from './slack-message-facts.js';
import { slackNewsText } from './slack-text.js';
import { directMessageChannel } from './upload-attachment.js';

/** A Slack message as the bot reads it, from an event, conversations.history or a message shortcut. */
export interface SlackMessageLike {
  ts: string;
  /** Absent for a person's plain message; `bot_message`, `file_share`, `channel_join`… otherwise. */
  subtype?: string | undefined;
  user?: string | undefined;
  bot_id?: string | undefined;
  text?: string | undefined;
  /** The ts of the thread's first message, for a message in a thread (that first message included). */
  thread_ts?: string | undefined;
  files?: { permalink?: string | undefined; url_private?: string | undefined }[] | undefined;
}

/** Who the bot is in Slack (Bolt's context gives it): its bot id, and its user id, which its messages carry. */
export interface BotSelf {
  botId?: string | undefined;
  botUserId?: string | undefined;
}

/** Slack's answers when the bot may not read a conversation or the message is gone: the person is told, nothing is logged as a failure. */
const UNREADABLE = new Set([
  'not_in_channel',
  'channel_not_found',
  'missing_scope',
  'thread_not_found',
  'message_not_found',
  'not_allowed_token_type',
]);

/**
 * A Slack message as news for the core: its text (Slack's markup left for the core's sanitizer),
 * its files (their Slack permalinks, which editors can open), and where it is: the channel, the
 * message's ts as its id (what the queue refuses twice) and its permalink.
 */
export async function incomingNews(deps: SlackDeps, channel: string, message: SlackMessageLike): Promise<IncomingNews> {
  const permalink = await permalinkOf(deps, channel, message.ts);
  const attachments = (message.files ?? [])
    .map((file) => file.permalink ?? file.url_private)
    .filter((url): url is string => Boolean(url));
  return {
    text: slackNewsText(message.text ?? ''),
    attachments,
    origin: { channel, messageId: message.ts, ...(permalink ? { permalink } : {}) },
  };
}

/** The message's permalink, or undefined when Slack will not give it: the item keeps its channel and ts all the same. */
async function permalinkOf(deps: SlackDeps, channel: string, ts: string): Promise<string | undefined> {
  try {
    return (await deps.client.chat.getPermalink({ channel, message_ts: ts })).permalink || undefined;
  } catch (error) {
    deps.logger.warn(
      'could not get the permalink of a message sent as news; the item keeps its channel and timestamp',
      { channel, ts, error },
    );
    return undefined;
  }
}

/**
 * The message at `ts` in a channel: conversations.history finds it when it is in the channel;
 * a thread reply is found with conversations.replies. Undefined when the bot may not read the
 * channel (not a member, a private channel it was not invited to) or the message is gone.
 */
export async function fetchMessage(
  deps: SlackDeps,
  channel: string,
  ts: string,
): Promise<SlackMessageLike | undefined> {
  try {
    const history = await deps.client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
    const inChannel = history.messages?.find((m) => m.ts === ts);
    if (inChannel) return inChannel as SlackMessageLike;
    const thread = await deps.client.conversations.replies({ channel, ts, oldest: ts, inclusive: true, limit: 2 });
    return thread.messages?.find((m) => m.ts === ts) as SlackMessageLike | undefined;
  } catch (error) {
    const refusal = (error as { code?: string; data?: { error?: string } }).data?.error;
    if ((error as { code?: string }).code !== webApi.ErrorCode.PlatformError || !refusal || !UNREADABLE.has(refusal))
      throw error;
    deps.logger.info('cannot read a message marked as news', { channel, ts, refusal });
    return undefined;
  }
}

/**
 * Queues a message that a person marked as news (a :newspaper: reaction, the message shortcut),
 * as the newsletter's rules say (NewsRules.marked): as its author's, or the requester's when no
 * person wrote it; the bot's own messages and Slack's are refused. The answer is for the
 * requester, in their language.
 */
export async function submitMessageAsNews(
  deps: SlackDeps,
  channel: string,
  message: SlackMessageLike,
  requester: Asker,
  self: BotSelf,
): Promise<Reply> {
  const decision = deps.rules.marked(slackMessageFacts(message, { channel }, self), requester.id);
  if (decision.action === 'refuse')
    return reply('invalid', deps.bot.t(await deps.bot.languageOf(requester), decision.reason));
  const author = decision.authorId === requester.id ? requester : await deps.askers.asker(decision.authorId);
  return deps.intake.submit(await incomingNews(deps, channel, message), author, requester);
}

/** A message only `userId` sees, in the channel; by DM when Slack refuses it there (the bot is not in the channel). */
export async function tellPrivately(
  deps: SlackDeps,
  channel: string,
  userId: string,
  message: SlackMessage,
): Promise<void> {
  try {
    await deps.client.chat.postEphemeral({ channel, user: userId, ...NO_PINGS, ...message });
  } catch (error) {
    deps.logger.warn('could not answer privately in a channel; answering by direct message', {
      channel,
      userId,
      error,
    });
    await deps.client.chat.postMessage({
      channel: await directMessageChannel(deps.client, userId),
      ...NO_PINGS,
      ...message,
    });
  }
}
