import {
  ApplicationCommandOptionType,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
} from 'discord.js';
import type { CommandValues } from '../../bot.js';
import type { OptionInput } from '../../dispatch/parse-arguments.js';
import { answerInteraction } from './answer-interaction.js';
import { interactionAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';

/**
 * Answers `/gsef <command> [subcommand] [options]` with the bot's reply, ephemeral when the reply is
 * private. The options go to the bot as Discord typed them, by name, and are read there like a
 * command's text is. The asker is an editor when their server role says so, and the channel is
 * where `/gsef news` items come from.
 */
export async function answerCommand(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void> {
  const { bot } = context;
  const asker = interactionAsker(interaction, context.rules);
  const given = commandValues(interaction.options.data);
  await answerInteraction(interaction, context, {
    produce: () => bot.answerValues(given, asker),
    ephemeral: 'when-private',
    describe: () => ({ command: given.command, subcommand: given.subcommand, asker }),
  });
}

/**
 * The command chosen under `/gsef`, the subcommand chosen in it when it is a group, and the
 * option values by name. No command at all is `help`.
 */
export function commandValues(options: readonly CommandInteractionOption[]): CommandValues {
  const [chosen] = options;
  if (!chosen) return { command: 'help', values: new Map() };
  const group = chosen.type === ApplicationCommandOptionType.SubcommandGroup;
  const leaf = group ? chosen.options?.[0] : chosen;
  const values = new Map<string, OptionInput>();
  for (const option of leaf?.options ?? []) {
    if (option.value !== undefined && option.value !== null) values.set(option.name, option.value);
  }
  return { command: chosen.name, ...(group && leaf ? { subcommand: leaf.name } : {}), values };
}
