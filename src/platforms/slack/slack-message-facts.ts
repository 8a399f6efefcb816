import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import type { MessageFacts, WriterKind } from '../../news/news-rules.js';
import type { BotSelf, SlackMessageLike } from './slack-news.js';

type MessageEvent = SlackEventMiddlewareArgs<'message'>['event'];

/** A message event, whatever its subtype, as the handlers read it (check-slack-payload.ts checked its fields). */
export interface ReceivedMessage extends SlackMessageLike {
  text: string;
  channel: string;
  /** `im` a DM with the bot; `channel` a public channel; `group` a private one; `mpim` a group DM. */
  channelType: string;
}

/**
 * Subtypes of a message that someone posted (a person, or an app with `bot_message`); every other
 * subtype is Slack's own doing (a join, a topic, an edit, a deletion).
 */
const POSTED = new Set<string | undefined>([undefined, 'file_share', 'thread_broadcast', 'me_message', 'bot_message']);

export function receivedMessage(event: MessageEvent): ReceivedMessage {
  return {
    ts: event.ts,
    subtype: event.subtype,
    user: 'user' in event ? event.user : undefined,
    bot_id: 'bot_id' in event ? event.bot_id : undefined,
    text: ('text' in event ? event.text : undefined) ?? '',
    thread_ts: 'thread_ts' in event ? event.thread_ts : undefined,
    ...('files' in event && event.files ? { files: event.files } : {}),
    channel: event.channel,
    channelType: event.channel_type,
  };
}

/**
 * A Slack message as the newsletter's rules read it. `channelType` is known for a message event
 * (a DM is `im`); a message fetched or shown by a shortcut is taken where it is, never as a DM.
 */
export function slackMessageFacts(
  message: SlackMessageLike,
  place: { channel: string; channelType?: string | undefined },
  self: BotSelf,
): MessageFacts {
  return {
    platform: 'slack',
    author: { id: message.user ?? message.bot_id ?? '', kind: writerKind(message, self) },
    channel: place.channel,
    direct: place.channelType === 'im',
    reply: message.thread_ts !== undefined && message.thread_ts !== message.ts,
    addressesBot: self.botUserId !== undefined && (message.text ?? '').includes(`<@${self.botUserId}>`),
  };
}

function writerKind(message: SlackMessageLike, self: BotSelf): WriterKind {
  if ((self.botId && message.bot_id === self.botId) || (self.botUserId && message.user === self.botUserId))
    return 'self';
  if (!POSTED.has(message.subtype)) return 'system';
  if (message.bot_id) return 'bot';
  return message.user ? 'person' : 'system';
}
