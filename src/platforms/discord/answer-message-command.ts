import type { MessageContextMenuCommandInteraction } from 'discord.js';
import { reply } from '../../reply/reply.js';
import { answerInteraction } from './answer-interaction.js';
import { discordAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';
import { discordMessageFacts } from './discord-message-facts.js';
import { newsOf } from './message-news.js';

/**
 * "Send to GSEF newsletter" in a message's Apps menu: queues that message as news as the
 * newsletter's rules say (NewsRules.marked): as its author's, or as the sender's when no person
 * wrote it; the bot's own messages (answers, notices) and Discord's are refused. The person who
 * chose it is told, privately, what the queue said (its number, "already in the queue as #N", or
 * why it was refused). The message's text comes with the interaction: no privileged intent is
 * needed.
 */
export async function answerMessageCommand(
  interaction: MessageContextMenuCommandInteraction,
  context: DiscordContext,
): Promise<void> {
  const { bot, intake, rules } = context;
  const message = interaction.targetMessage;
  const sender = discordAsker(interaction.user, interaction.locale);
  const decision = rules.marked(discordMessageFacts(message), sender.id);
  // The invoker's locale stands for the author's only when they are the same person.
  const author = decision.action === 'queue' && decision.authorId !== sender.id ? discordAsker(message.author) : sender;
  await answerInteraction(interaction, context, {
    produce: async () =>
      decision.action === 'queue'
        ? intake.submit(newsOf(message), author, sender)
        : reply('invalid', bot.t(await bot.languageOf(sender), decision.reason)),
    ephemeral: 'always',
    describe: () => ({ messageCommand: interaction.commandName, target: interaction.targetId, author }),
  });
}
