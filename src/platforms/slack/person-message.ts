import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackMessageLike } from './slack-news.js';

type MessageEvent = SlackEventMiddlewareArgs<'message'>['event'];

/** A person's new message (with or without files): not the bot's own, another bot's, an edit, a deletion or a join. */
export interface PersonMessage extends SlackMessageLike {
  user: string;
  text: string;
  channel: string;
  /** `im` a DM with the bot; `channel` a public channel; `group` a private one; `mpim` a group DM. */
  channelType: string;
  threadTs: string | undefined;
}

export function personMessage(event: MessageEvent, botUserId: string | undefined): PersonMessage | undefined {
  if (event.subtype !== undefined && event.subtype !== 'file_share') return undefined;
  if (('bot_id' in event && event.bot_id) || !event.user || event.user === botUserId) return undefined;
  return {
    user: event.user,
    text: event.text ?? '',
    channel: event.channel,
    channelType: event.channel_type,
    ts: event.ts,
    threadTs: event.thread_ts,
    ...(event.files ? { files: event.files } : {}),
  };
}
