import type { ChatInputCommandInteraction, CommandInteractionOption } from 'discord.js';
import { answerInteraction } from './answer-interaction.js';
import { commandText, type Invocation } from './command-text.js';
import { interactionAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';

/**
 * Answers `/gsef <subcommand> [options]` with the bot's reply, ephemeral when the reply is private.
 * The asker is an editor when their server role says so, and the channel is where `/gsef news`
 * items come from.
 */
export async function answerCommand(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void> {
  const { bot } = context;
  const asker = interactionAsker(interaction, context.rules);
  let text = '';
  await answerInteraction(interaction, context, {
    produce: async () => {
      text = commandText(invocationOf(interaction.options.data), bot.commands, context.words);
      return bot.answer(text, asker);
    },
    ephemeral: 'when-private',
    describe: () => ({ text, asker }),
  });
}

/** The subcommand and its option values, as the interaction carries them. */
export function invocationOf(options: readonly CommandInteractionOption[]): Invocation {
  const [first] = options;
  const values = new Map<string, string>();
  for (const option of first?.options ?? []) {
    if (option.value !== undefined && option.value !== null) values.set(option.name, String(option.value));
  }
  return { subcommand: first?.name, values };
}
