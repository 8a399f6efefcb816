import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerQuestionInChannel } from './answer-question-in-channel.js';
import type { SlackDeps } from './slack-deps.js';
import { slackMessageFacts } from './slack-message-facts.js';
import type { BotSelf } from './slack-news.js';

/**
 * `@gsef when is the next event in Africa?` in a channel: answered in a thread under the question,
 * when the newsletter's rules take it as one (a person's, in any channel, news channels included).
 */
export async function handleMention(
  deps: SlackDeps,
  event: SlackEventMiddlewareArgs<'app_mention'>['event'],
  self: BotSelf,
): Promise<void> {
  // Slack sends app_mention for a message that names the bot, whatever form the name takes.
  const facts = { ...slackMessageFacts(event, { channel: event.channel }, self), addressesBot: true };
  if (deps.rules.received(facts).action !== 'question') return;
  await answerQuestionInChannel(deps, {
    userId: facts.author.id,
    text: event.text,
    channel: event.channel,
    threadTs: event.thread_ts ?? event.ts,
  });
}
