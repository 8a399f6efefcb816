import { ChannelType, type Message } from 'discord.js';
import { answerMessage } from './answer-message.js';
import type { DiscordContext } from './discord-context.js';
import { handleDirectMessage } from './handle-direct-message.js';
import { withoutMention } from './without-mention.js';

/**
 * Routes a message the bot can see: a DM goes to `handleDirectMessage`; a message in a server
 * that mentions the bot is a question (with the mention taken out); anything else, and anything
 * from a bot, a webhook or Discord itself (the bot included, so that it never answers itself), is
 * left alone.
 */
export async function handleMessage(message: Message, context: DiscordContext): Promise<void> {
  const botId = message.client.user.id;
  if (message.author.bot || message.author.id === botId || message.webhookId !== null || message.system) return;
  if (message.channel.type === ChannelType.DM) return handleDirectMessage(message, context);
  // A reply to one of the bot's messages lists the bot among the mentions without naming it: not a question.
  if (!message.mentions.has(botId, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true })) return;
  await answerMessage(message, withoutMention(message.content, botId), context);
}
