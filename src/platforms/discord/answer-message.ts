import type { Message } from 'discord.js';
import { discordAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';
import { discordMessage, NO_MENTIONS } from './discord-message.js';

/**
 * Answers a question put to the bot in a message (a mention or a DM) with a reply to that
 * message, in the channel. A failure is logged and answered with the short apology.
 */
export async function answerMessage(message: Message, question: string, context: DiscordContext): Promise<void> {
  const { bot, logger } = context;
  // Messages carry no locale: the person's saved choice, else the default language.
  const asker = discordAsker(message.author);
  try {
    const [reply, lang] = await Promise.all([bot.answerQuestion(question, asker), bot.languageOf(asker)]);
    await message.reply(discordMessage(bot, reply, lang));
  } catch (error) {
    logger.error('discord message answer failed', { message: message.id, channel: message.channelId, asker, error });
    try {
      const content = bot.services.translator.t(await bot.languageOf(asker), 'errors.apology');
      await message.reply({ content, allowedMentions: NO_MENTIONS });
    } catch (failure) {
      logger.error('discord apology failed', { message: message.id, error: failure });
    }
  }
}
