import type { Message, User } from 'discord.js';
import type { Asker } from '../../domain/asker.js';
import type { MessageKey } from '../../i18n/message-keys.js';
import { reply as makeReply, type Reply } from '../../reply/reply.js';
import { discordAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';
import { discordMessage, NO_MENTIONS } from './discord-message.js';
import { apologyKey } from '../../errors.js';

/**
 * Answers a message sent to the bot (a mention or a DM) with a reply to that message, in the
 * channel: `produce` makes the reply for the message's author. A failure is logged and answered
 * with the short apology.
 */
export async function answerMessage(
  message: Message,
  context: DiscordContext,
  produce: (asker: Asker) => Promise<Reply>,
): Promise<void> {
  const { bot, logger } = context;
  // Messages carry no locale: the person's saved choice, else the default language.
  const asker = discordAsker(message.author);
  try {
    const [reply, lang] = await Promise.all([produce(asker), bot.languageOf(asker)]);
    await message.reply(discordMessage(bot, reply, reply.lang ?? lang));
  } catch (error) {
    logger.error('discord message answer failed', { message: message.id, channel: message.channelId, asker, error });
    try {
      const content = bot.t(await bot.languageOf(asker), apologyKey(error));
      await message.reply({ content, allowedMentions: NO_MENTIONS });
    } catch (failure) {
      logger.error('discord apology failed', { message: message.id, error: failure });
    }
  }
}

/**
 * Tells `person` what became of `message` (taken as news in a news channel, or marked with 📰):
 * by DM, with a first line in their language that links to the message (`aboutKey`), so that
 * the channel is not filled with the bot's receipts. When the DM cannot be sent (the person
 * accepts no DMs from server members), the bot replies to the message instead. Neither pings
 * anyone. A failing `produce` is logged and told as the short apology.
 */
export async function tellAbout(
  person: User,
  message: Message,
  context: DiscordContext,
  aboutKey: MessageKey,
  produce: () => Promise<Reply>,
): Promise<void> {
  const { bot, logger } = context;
  const lang = await bot.languageOf(discordAsker(person));
  let reply: Reply;
  try {
    reply = await produce();
  } catch (error) {
    logger.error('discord news intake failed', {
      message: message.id,
      channel: message.channelId,
      person: person.id,
      error,
    });
    reply = makeReply('error', bot.t(lang, apologyKey(error)));
  }
  const options = discordMessage(bot, reply, lang);
  try {
    await person.send({ ...options, content: bot.t(lang, aboutKey, { link: message.url }) });
  } catch (error) {
    logger.warn('discord: could not send a DM; replying to the message instead', {
      person: person.id,
      message: message.id,
      error,
    });
    await message.reply(options);
  }
}
