import type { SlackMessage } from '../../reply/render-slack.js';
import { answerSafely } from './answer-safely.js';
import type { SlackDeps } from './slack-deps.js';
import { slackMessage } from './slack-message.js';
import { plainSlackText } from './slack-text.js';
import { uploadAttachment } from './upload-attachment.js';

export interface ChannelQuestion {
  userId: string;
  /** The message as Slack sends it, mentions and entities included. */
  text: string;
  channel: string;
  /** Where to answer in a thread, if anywhere. */
  threadTs?: string | undefined;
}

/** Answers a question put to the bot in a message (a mention or a DM) with a message in the same place. */
export async function answerQuestionInChannel(deps: SlackDeps, question: ChannelQuestion): Promise<void> {
  const { userId, channel, threadTs } = question;
  const text = plainSlackText(question.text);
  const asker = await deps.askers.asker(userId);
  const post = (message: SlackMessage) => deps.client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...message });
  await answerSafely(deps, asker, { listener: 'question', text, channel }, post, async () => {
    const reply = await deps.bot.answerQuestion(text, asker);
    await post(slackMessage(deps.bot, await deps.bot.languageOf(asker), reply));
    if (reply.attachment) await uploadAttachment(deps.client, channel, reply.attachment, threadTs);
  });
}
