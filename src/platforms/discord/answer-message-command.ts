import type { MessageContextMenuCommandInteraction } from 'discord.js';
import { reply } from '../../reply/reply.js';
import { answerInteraction } from './answer-interaction.js';
import { discordAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';
import { newsOf } from './message-news.js';

/**
 * "Send to GSEF newsletter" in a message's Apps menu: queues that message as news, its author as
 * the item's author (whoever chose the menu item), and tells the person who chose it, privately,
 * what the queue said (its number, "already in the queue as #N", or why it was refused). The
 * message's text comes with the interaction: no privileged intent is needed. The bot's own
 * messages (answers, notices) are not news.
 */
export async function answerMessageCommand(
  interaction: MessageContextMenuCommandInteraction,
  context: DiscordContext,
): Promise<void> {
  const { bot, intake } = context;
  const message = interaction.targetMessage;
  // The invoker's locale stands for the author's only when they are the same person.
  const author = discordAsker(
    message.author,
    message.author.id === interaction.user.id ? interaction.locale : undefined,
  );
  const sender = discordAsker(interaction.user, interaction.locale);
  await answerInteraction(interaction, context, {
    produce: async () => {
      if (message.author.id === interaction.client.user.id) {
        return reply('invalid', bot.t(await bot.languageOf(sender), 'discord.notNews'));
      }
      return intake.submit(newsOf(message), author, sender);
    },
    ephemeral: 'always',
    describe: () => ({ messageCommand: interaction.commandName, target: interaction.targetId, author }),
  });
}
