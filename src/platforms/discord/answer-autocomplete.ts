import type { AutocompleteInteraction } from 'discord.js';
import { suggestNames } from '../../dispatch/suggest-names.js';
import { discordAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';

/**
 * Offers event or member names while someone types the option of `/gsef event` or
 * `/gsef member`, in their language. Other options get no suggestions; a failure is logged and
 * answered with none, so that the person can still type the name out.
 */
export async function answerAutocomplete(interaction: AutocompleteInteraction, context: DiscordContext): Promise<void> {
  const { bot, logger } = context;
  try {
    const focused = interaction.options.getFocused(true);
    // In a group (`/gsef newsletter …`) the command is the group; otherwise the subcommand is.
    const group = interaction.options.getSubcommandGroup(false);
    const subcommand = interaction.options.getSubcommand(false);
    const command = bot.commands.find((c) => c.name === (group ?? subcommand));
    const form = group === null ? command?.form : command?.subcommands.find((s) => s.name === subcommand)?.form;
    const type = form?.options.find((o) => o.name === focused.name)?.type;
    const kind = type === 'event-name' ? 'event' : type === 'member-name' ? 'member' : undefined;
    if (kind === undefined) return await interaction.respond([]);
    const lang = await bot.languageOf(discordAsker(interaction.user, interaction.locale));
    await interaction.respond(suggestNames(bot.kb, kind, String(focused.value), lang));
  } catch (error) {
    logger.error('discord autocomplete failed', { interaction: interaction.id, error });
    if (!interaction.responded)
      await interaction
        .respond([])
        .catch((failure: unknown) => logger.warn('discord autocomplete: empty answer failed too', { error: failure }));
  }
}
