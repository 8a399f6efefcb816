import type { SlackMessage } from './render-slack.js';
import { answerSafely } from './answer-safely.js';
import type { SlackDeps } from './slack-deps.js';
import type { ReceivedMessage } from './slack-message-facts.js';
import { NO_PINGS, slackMessage } from './slack-message.js';
import { incomingNews } from './slack-news.js';

/**
 * A post in a news channel (NewsRules.received said so) goes to the queue as its author's; the
 * author alone is told the outcome (an ephemeral message), in their language.
 */
export async function handleNewsChannelMessage(
  deps: SlackDeps,
  message: ReceivedMessage,
  authorId: string,
): Promise<void> {
  const author = await deps.askers.asker(authorId);
  const tell = (reply: SlackMessage) =>
    deps.client.chat.postEphemeral({ channel: message.channel, user: authorId, ...NO_PINGS, ...reply });
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
