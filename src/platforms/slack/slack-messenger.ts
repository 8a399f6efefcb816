import type { PlatformMessenger } from '../outbox.js';
import type { ChannelPoster } from '../running-platform.js';
import type { SlackDeps } from './slack-deps.js';
import { NO_PINGS, slackMessage } from './slack-message.js';
import { directMessageChannel } from './upload-attachment.js';

/**
 * How the newsletter desk reaches Slack (registered with the Outbox when Slack starts): an author
 * by DM (their item was approved or rejected), and the editorial channel, where a new item's
 * notice gets its Approve / Reject buttons (handle-reply-action.ts runs them).
 */
export function slackMessenger(
  deps: Pick<SlackDeps, 'bot' | 'client' | 'askers'>,
  poster: ChannelPoster,
): PlatformMessenger {
  return {
    async toPerson(userId, reply) {
      const lang = await deps.bot.languageOf(await deps.askers.asker(userId));
      await deps.client.chat.postMessage({
        channel: await directMessageChannel(deps.client, userId),
        ...NO_PINGS,
        ...slackMessage(deps.bot, lang, reply),
      });
    },
    toChannel: (channelId, reply) => poster.post(channelId, reply),
  };
}
