import type { Message } from 'discord.js';
import { answerMessage } from './answer-message.js';
import type { DiscordContext } from './discord-context.js';
import { newsOf } from './message-news.js';

/**
 * The one way in for direct messages to the bot, answered in the DM. The news intake decides:
 * `news: …` (`actualité : …`, `noticia: …`) is queued at once; a question is answered; a text
 * that reads like news gets Yes / No buttons (Yes queues it, for its author only); anything else
 * the short help. The DM's files and link go with the news.
 */
export async function handleDirectMessage(message: Message, context: DiscordContext): Promise<void> {
  await answerMessage(message, context, (asker) => context.intake.directMessage(newsOf(message), asker));
}
