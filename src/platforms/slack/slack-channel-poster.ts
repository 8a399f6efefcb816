import type { webApi } from '@slack/bolt';
import type { Bot } from '../../bot.js';
import type { Reply } from '../../reply/reply.js';
import type { ChannelPoster } from '../running-platform.js';
import { NO_PINGS, slackMessage } from './slack-message.js';
import { uploadAttachment } from './upload-attachment.js';

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

  async post(channelId: string, reply: Reply): Promise<void> {
    await this.client.chat.postMessage({ channel: channelId, ...NO_PINGS, ...slackMessage(this.bot, this.bot.services.defaultLang, reply) });
    if (reply.attachment) await uploadAttachment(this.client, channelId, reply.attachment);
  }
}
