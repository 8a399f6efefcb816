import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerQuestionInChannel } from './answer-question-in-channel.js';
import type { SlackDeps } from './slack-deps.js';

/** `@gsef when is the next event in Africa?` in a channel: answered in a thread under the question. */
export async function handleMention(
  deps: SlackDeps,
  event: SlackEventMiddlewareArgs<'app_mention'>['event'],
): Promise<void> {
  if (!event.user || event.bot_id) return;
  await answerQuestionInChannel(deps, {
    userId: event.user,
    text: event.text,
    channel: event.channel,
    threadTs: event.thread_ts ?? event.ts,
  });
}
