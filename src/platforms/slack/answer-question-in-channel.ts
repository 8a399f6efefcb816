import type { Asker } from '../../domain/asker.js';
import type { SlackMessage } from './render-slack.js';
import type { Reply } from '../../reply/reply.js';
import { answerSafely } from './answer-safely.js';
import type { SlackDeps } from './slack-deps.js';
import { NO_PINGS, slackMessage } from './slack-message.js';
import { plainSlackText } from './slack-text.js';
import { uploadAttachment } from './upload-attachment.js';

/** Where a person wrote to the bot: a channel or DM, and a thread when the answer goes in one. */
export interface Conversation {
  userId: string;
  channel: string;
  threadTs?: string | undefined;
}

export interface ChannelQuestion extends Conversation {
  /** The message as Slack sends it, mentions and entities included. */
  text: string;
}

/** Answers a question put to the bot in a mention with a message in the same place. */
export async function answerQuestionInChannel(deps: SlackDeps, question: ChannelQuestion): Promise<void> {
  const text = plainSlackText(question.text);
  await answerInConversation(deps, question, { listener: 'question', text }, (asker) =>
    deps.bot.answerQuestion(text, asker),
  );
}

/**
 * Answers a person's message (a mention, a DM) with a message in the same place, the reply's
 * buttons and file included; a failure is logged and apologized for there.
 */
export async function answerInConversation(
  deps: SlackDeps,
  place: Conversation,
  context: Record<string, unknown>,
  answer: (asker: Asker) => Promise<Reply>,
): Promise<void> {
  const { userId, channel, threadTs } = place;
  const asker = await deps.askers.asker(userId);
  const post = (message: SlackMessage) =>
    deps.client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...NO_PINGS, ...message });
  await answerSafely(deps, asker, { ...context, channel }, post, async () => {
    const reply = await answer(asker);
    await post(slackMessage(deps.bot, reply.lang ?? (await deps.bot.languageOf(asker)), reply));
    if (reply.attachment) await uploadAttachment(deps.client, channel, reply.attachment, threadTs);
  });
}
