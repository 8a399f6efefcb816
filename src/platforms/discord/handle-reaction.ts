import type { MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import { reply } from '../../reply/reply.js';
import { tellAbout } from './answer-message.js';
import { discordAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';
import { discordMessage } from './discord-message.js';
import { newsOf } from './message-news.js';

/** The reaction that sends a message to the newsletter. */
export const NEWS_EMOJI = '📰';

/**
 * A 📰 reaction on a message in a server: the message is fetched (its text may be older than the
 * bot's cache, or not in it) and queued as news, its author as the item's author, whoever
 * reacted. The person who reacted is told by DM (a reaction cannot be answered ephemerally), with
 * a link to the message; when they accept no DMs, by a reply to the message that pings nobody. A
 * second 📰 on the same message is told "already in the queue as #N". Reactions from bots, and
 * on the bot's own messages or Discord's system messages, are ignored.
 */
export async function handleReaction(
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
  context: DiscordContext,
): Promise<void> {
  const { bot, logger, intake } = context;
  if (reaction.emoji.name?.replace(/\uFE0F/g, '') !== NEWS_EMOJI || user.bot) return;
  const reactor = user.partial ? await user.fetch() : user;
  let message;
  try {
    message = await reaction.message.fetch();
  } catch (error) {
    // Usually the bot may not read the channel's history (View Channel, Read Message History).
    logger.warn('discord: could not fetch the message marked with 📰', {
      channel: reaction.message.channelId,
      message: reaction.message.id,
      error,
    });
    const lang = await bot.languageOf(discordAsker(reactor));
    await reactor.send(discordMessage(bot, reply('error', bot.t(lang, 'discord.cannotRead')), lang));
    return;
  }
  if (message.author.id === message.client.user.id || message.system) return;
  await tellAbout(reactor, message, context, 'discord.aboutMarkedMessage', () =>
    intake.submit(newsOf(message), discordAsker(message.author), discordAsker(reactor)),
  );
}
