import { webApi } from './bolt.js';
import { z } from 'zod';
import type { Bot } from '../../bot.js';
import type { Reply } from '../../reply/reply.js';
import type { ChannelPoster } from '../../messaging/platform-adapter.js';
import { boltLogger } from './bolt-logger.js';
import { NO_PINGS, slackMessage } from './slack-message.js';
import { uploadAttachment } from './upload-attachment.js';

/** The metadata event type of a marked message (a reminder). */
const MARK_EVENT = 'gsef_posted';

/** A marked message's metadata, as conversations.history gives it back. */
const markedMetadata = z.object({ event_type: z.literal(MARK_EVENT), event_payload: z.object({ mark: z.string() }) });

/** How far back wasPosted looks: a reminder is looked for minutes, at most days, after its post. */
const RECENT_MESSAGES = 200;

/** What a Web API client for marked posts is made from: the bot token and the app's client options. */
export interface SlackConnectionOptions {
  token: string;
  clientOptions: webApi.WebClientOptions;
}

/**
 * Posts unprompted replies (reminders, editorial notices with their buttons) to a Slack channel,
 * in the bot's default language. An unmarked post goes through the app's client, which retries a
 * rate limit or a 5xx a couple of times (see SLACK_RETRY_POLICY). A marked post (a reminder) is
 * tried exactly once per call: after a timeout, a reset connection or a 5xx, Slack may have taken
 * the message, and the client's own retry would post it again without looking. Its caller (the
 * reminder runner) looks for the mark with wasPosted before each new attempt.
 */
export class SlackChannelPoster implements ChannelPoster {
  private readonly singleAttempt: webApi.WebClient;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly bot: Bot,
    connection: SlackConnectionOptions,
  ) {
    this.singleAttempt = new webApi.WebClient(connection.token, {
      ...connection.clientOptions,
      retryConfig: { retries: 0 },
      // A rate limit rejects at once (Slack took nothing); the caller waits its Retry-After.
      rejectRateLimitedCalls: true,
      logger: boltLogger(bot.logger),
    });
  }

  async post(channelId: string, reply: Reply, mark?: string): Promise<void> {
    const message = {
      channel: channelId,
      ...NO_PINGS,
      ...slackMessage(this.bot, this.bot.defaultLang, reply),
    };
    if (mark) {
      // Slack keeps an app's metadata with the message, out of sight: wasPosted reads it back.
      await this.singleAttempt.chat
        .postMessage({ ...message, metadata: { event_type: MARK_EVENT, event_payload: { mark } } })
        .catch(withRetryAfter);
    } else {
      await this.client.chat.postMessage(message);
    }
    if (reply.attachment) await uploadAttachment(this.client, channelId, reply.attachment);
  }

  /** Looks for the mark among the channel's latest messages (channels:history / groups:history). */
  async wasPosted(channelId: string, _reply: Reply, mark: string): Promise<boolean> {
    const history = await this.client.conversations.history({
      channel: channelId,
      limit: RECENT_MESSAGES,
      include_all_metadata: true,
    });
    return (history.messages ?? []).some((m) => markedMetadata.safeParse(m.metadata).data?.event_payload.mark === mark);
  }
}

/** Slack's rate limit, with the wait it asked for in the form the reminder runner reads (`retryAfterMs`). */
function withRetryAfter(error: unknown): never {
  if (error instanceof Error && (error as { code?: unknown }).code === webApi.ErrorCode.RateLimitedError) {
    throw Object.assign(error, { retryAfterMs: (error as webApi.WebAPIRateLimitedError).retryAfter * 1000 });
  }
  throw error;
}
