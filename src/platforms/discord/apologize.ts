import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { discordAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';
import { apologyKey } from '../../errors.js';

/**
 * The short apology a person gets when answering them failed, privately, in their language. It
 * replaces the "thinking…" of a deferred interaction. A failure here is only logged: there is
 * nothing left to tell the person through.
 */
export async function apologize(
  interaction: RepliableInteraction,
  context: DiscordContext,
  failure: unknown,
): Promise<void> {
  const { bot, logger } = context;
  try {
    const lang = await bot.languageOf(discordAsker(interaction.user, interaction.locale));
    const content = bot.t(lang, apologyKey(failure));
    if (interaction.deferred || interaction.replied) await interaction.editReply({ content, embeds: [], files: [] });
    else await interaction.reply({ content, flags: MessageFlags.Ephemeral });
  } catch (error) {
    logger.error('discord apology failed', { interaction: interaction.id, error });
  }
}
