import type { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Bot } from '../../bot.js';
import type { Reply } from '../../reply/reply.js';
import type { ChannelPoster } from '../running-platform.js';
import { NO_PINGS, slackMessage } from './slack-message.js';
import { uploadAttachment } from './upload-attachment.js';

/** The metadata event type of a marked message (a reminder). */
const MARK_EVENT = 'gsef_posted';

/** A marked message's metadata, as conversations.history gives it back. */
const markedMetadata = z.object({ event_type: z.literal(MARK_EVENT), event_payload: z.object({ mark: z.string() }) });

/** How far back wasPosted looks: a reminder is looked for minutes, at most days, after its post. */
const RECENT_MESSAGES = 200;

/**
 * Posts unprompted replies (reminders, editorial notices with their buttons) to a Slack channel,
 * in the bot's default language. The Web API client retries a rate limit or a 5xx a couple of
 * times (see SLACK_RETRY_POLICY); after that the promise rejects with Slack's error, for the
 * caller to handle.
 */
export class SlackChannelPoster implements ChannelPoster {
  constructor(
    private readonly client: webApi.WebClient,
    private readonly bot: Bot,
  ) {}

  async post(channelId: string, reply: Reply, mark?: string): Promise<void> {
    await this.client.chat.postMessage({
      channel: channelId,
      ...NO_PINGS,
      ...slackMessage(this.bot, this.bot.services.defaultLang, reply),
      // Slack keeps an app's metadata with the message, out of sight: wasPosted reads it back.
      ...(mark ? { metadata: { event_type: MARK_EVENT, event_payload: { mark } } } : {}),
    });
    if (reply.attachment) await uploadAttachment(this.client, channelId, reply.attachment);
  }

  /** Looks for the mark among the channel's latest messages (channels:history / groups:history). */
  async wasPosted(channelId: string, _reply: Reply, mark: string): Promise<boolean> {
    const history = await this.client.conversations.history({ channel: channelId, limit: RECENT_MESSAGES, include_all_metadata: true });
    return (history.messages ?? []).some((m) => markedMetadata.safeParse(m.metadata).data?.event_payload.mark === mark);
  }
}
