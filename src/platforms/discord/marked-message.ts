import type { Message, MessageReaction, PartialMessageReaction, User } from 'discord.js';
import type { MessageKey } from '../../i18n/message-keys.js';
import { reply } from '../../reply/reply.js';
import { discordAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';
import { discordMessage } from './discord-message.js';

/**
 * The message a reaction marks, fetched whole (its text may be older than the bot's cache, or not
 * in it); undefined when it cannot be read, usually because the bot may not read the channel's
 * history (View Channel, Read Message History): the person who reacted is then told so by DM, in
 * their language (`cannotRead`), and the logs say which message.
 */
export async function markedMessage(
  reaction: MessageReaction | PartialMessageReaction,
  reactor: User,
  { bot, logger }: DiscordContext,
  emoji: string,
  cannotRead: MessageKey,
): Promise<Message | undefined> {
  try {
    return await reaction.message.fetch();
  } catch (error) {
    logger.warn(`discord: could not fetch the message marked with ${emoji}`, {
      channel: reaction.message.channelId,
      message: reaction.message.id,
      error,
    });
    const lang = await bot.languageOf(discordAsker(reactor));
    await reactor.send(discordMessage(bot, reply('error', bot.t(lang, cannotRead)), lang));
    return undefined;
  }
}
