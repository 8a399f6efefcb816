import type { Message } from 'discord.js';
import { answerMessage } from './answer-message.js';
import type { DiscordContext } from './discord-context.js';
import { withoutMention } from './without-mention.js';

/**
 * The one way in for direct messages to the bot. Today a DM is a question, answered like a
 * mention; news sent to the bot for the newsletter will also arrive here, so that is where its
 * intake will decide, before answering, whether a message is news.
 */
export async function handleDirectMessage(message: Message, context: DiscordContext): Promise<void> {
  await answerMessage(message, withoutMention(message.content, message.client.user.id), context);
}
