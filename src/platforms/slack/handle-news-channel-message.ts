import type { SlackMessage } from './render-slack.js';
import { answerSafely } from './answer-safely.js';
import type { PersonMessage } from './person-message.js';
import type { SlackDeps } from './slack-deps.js';
import { NO_PINGS, slackMessage } from './slack-message.js';
import { incomingNews } from './slack-news.js';

/**
 * Whether a message in a channel is news: the channel is one of `newsletter.newsChannels.slack`,
 * and the message is a new post of its own, not a reply in a thread (a comment on a post) nor a
 * question to the bot (`@GSEF …`, answered as a mention).
 */
export function isNewsChannelPost(deps: SlackDeps, message: PersonMessage, botUserId: string | undefined): boolean {
  if (message.channelType !== 'channel' && message.channelType !== 'group') return false;
  if (!deps.bot.kb.catalog.settings.newsletter.newsChannels.slack.includes(message.channel)) return false;
  if (message.threadTs !== undefined && message.threadTs !== message.ts) return false;
  return !(botUserId && message.text.includes(`<@${botUserId}>`));
}

/** A post in a news channel goes to the queue as its author's; the author alone is told the outcome (an ephemeral message), in their language. */
export async function handleNewsChannelMessage(deps: SlackDeps, message: PersonMessage): Promise<void> {
  const author = await deps.askers.asker(message.user);
  const tell = (reply: SlackMessage) =>
    deps.client.chat.postEphemeral({ channel: message.channel, user: message.user, ...NO_PINGS, ...reply });
  await answerSafely(
    deps,
    author,
    { listener: 'news channel', channel: message.channel, ts: message.ts },
    tell,
    async () => {
      const reply = await deps.intake.submit(await incomingNews(deps, message.channel, message), author);
      await tell(slackMessage(deps.bot, await deps.bot.languageOf(author), reply));
    },
  );
}
