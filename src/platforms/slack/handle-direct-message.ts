import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import { answerQuestionInChannel } from './answer-question-in-channel.js';
import type { SlackDeps } from './slack-deps.js';

type MessageEvent = SlackEventMiddlewareArgs<'message'>['event'];

/** A person's new message in a DM with the bot: not the bot's own, another bot's, an edit or a deletion. */
export interface PersonalMessage {
  user: string;
  text: string;
  channel: string;
  threadTs: string | undefined;
}

export function personalMessage(event: MessageEvent, botUserId: string | undefined): PersonalMessage | undefined {
  if (event.channel_type !== 'im' || event.subtype !== undefined) return undefined;
  if (event.bot_id || !event.user || event.user === botUserId) return undefined;
  return { user: event.user, text: event.text ?? '', channel: event.channel, threadTs: event.thread_ts };
}

/**
 * Every direct message to the bot comes through here: the one place where messages that are
 * news for the newsletter will be told apart from questions. For now, all are questions.
 */
export async function handleDirectMessage(deps: SlackDeps, message: PersonalMessage): Promise<void> {
  await answerQuestionInChannel(deps, { userId: message.user, text: message.text, channel: message.channel, threadTs: message.threadTs });
}
