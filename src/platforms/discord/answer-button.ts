import type { ButtonInteraction } from 'discord.js';
import { commandOfCustomId } from './render-discord.js';
import { reply } from '../../reply/reply.js';
import { answerInteraction } from './answer-interaction.js';
import { interactionAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';

/**
 * A press on one of the bot's buttons: runs the command in its custom_id as the person who
 * pressed it, with that person's permissions (an editor role for Approve / Reject; the author's
 * own id for "Yes, add it"), exactly as if they had typed it. The answer is for them alone, so it
 * is ephemeral, and the message with the buttons stays as it is: a refusal must not change a
 * notice every editor sees, and the queue, not the message, holds the item's state.
 *
 * A custom_id that is not the bot's (another prefix, over 100 characters, or a command the bot
 * does not know, such as a forged one) runs nothing and is answered with a short, polite note.
 */
export async function answerButton(interaction: ButtonInteraction, context: DiscordContext): Promise<void> {
  const { bot } = context;
  const asker = interactionAsker(interaction, context.rules);
  const command = commandOfCustomId(interaction.customId);
  const known = command !== undefined && bot.parse(command).kind === 'command';
  await answerInteraction(interaction, context, {
    produce: async () =>
      known
        ? bot.answer(command, asker)
        : reply('invalid', bot.t(await bot.languageOf(asker), 'discord.unknownButton')),
    ephemeral: 'always',
    describe: () => ({ button: interaction.customId.slice(0, 100), asker }),
  });
}
