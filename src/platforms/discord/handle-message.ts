import { ChannelType, type Message } from 'discord.js';
import { answerMessage, tellAbout } from './answer-message.js';
import { discordAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';
import { handleDirectMessage } from './handle-direct-message.js';
import { newsOf } from './message-news.js';
import { withoutMention } from './without-mention.js';

/**
 * Routes a message the bot can see: a DM goes to `handleDirectMessage`; every message in a news
 * channel (`newsletter.newsChannels.discord`) is news, queued as its author's, who is told
 * privately; a message in a server that mentions the bot is a question (with the mention taken
 * out); anything else, and anything from a bot, a webhook or Discord itself (the bot included, so
 * that it never answers itself), is left alone.
 */
export async function handleMessage(message: Message, context: DiscordContext): Promise<void> {
  const botId = message.client.user.id;
  if (message.author.bot || message.author.id === botId || message.webhookId !== null || message.system) return;
  if (message.channel.type === ChannelType.DM) return handleDirectMessage(message, context);
  if (context.newsletter.newsChannels.discord.includes(message.channelId)) {
    return tellAbout(message.author, message, context, 'discord.aboutYourMessage', () =>
      context.intake.submit(newsOf(message), discordAsker(message.author)),
    );
  }
  // A reply to one of the bot's messages lists the bot among the mentions without naming it: not a question.
  if (!message.mentions.has(botId, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true })) return;
  const question = withoutMention(message.content, botId);
  await answerMessage(message, context, (asker) => context.bot.answerQuestion(question, asker));
}
