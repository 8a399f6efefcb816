import { MessageFlags, type RepliableInteraction } from 'discord.js';
import type { Reply } from '../../reply/reply.js';
import { apologize } from './apologize.js';
import { discordAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';
import { discordMessage } from './discord-message.js';

export interface Answering {
  /** Makes the reply; a rejection is logged and answered with the short apology. */
  produce: () => Promise<Reply>;
  /** Always ephemeral (buttons, the message menu), or only when the reply is private (`/gsef`). */
  ephemeral: 'always' | 'when-private';
  /** What to log, besides the interaction, should answering fail. */
  describe: () => Record<string, unknown>;
}

/**
 * Answers an interaction with a reply, as embeds (and buttons), in the language of the person who
 * made it. Discord drops an interaction not answered within 3 seconds, so an answer not ready
 * after `deferAfterMs` is deferred ("thinking…") and sent as an edit when it is. Answers that
 * are ready in time (nearly all: the data is in memory) go out in one request, without the
 * flicker and the extra round trip of always deferring.
 */
export async function answerInteraction(
  interaction: RepliableInteraction,
  context: DiscordContext,
  answering: Answering,
): Promise<void> {
  const { bot, logger } = context;
  // The deferral, once the timer has started it. The answer is awaited alone, and the timer cleared
  // once it is there: racing it against a promise of the deadline cost four promises and as many
  // closures for every interaction, nearly all answered in time.
  let deferral: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    // Deferred answers stay ephemeral: Discord fixes the visibility when deferring.
    deferral = interaction.deferReply({ flags: MessageFlags.Ephemeral });
    // Its failure is handled where it is awaited, once the answer is there.
    deferral.catch(() => undefined);
  }, context.deferAfterMs);
  try {
    const reply = await answering.produce();
    // A command's reply says its language; the asker's (a read of the store) is looked up only for the others.
    const lang = reply.lang ?? (await bot.languageOf(discordAsker(interaction.user, interaction.locale)));
    const message = discordMessage(bot, reply, lang);
    clearTimeout(timer);
    if (deferral) {
      await deferral;
      await interaction.editReply(message);
    } else {
      const ephemeral = answering.ephemeral === 'always' || reply.visibility === 'private';
      await interaction.reply(ephemeral ? { ...message, flags: MessageFlags.Ephemeral } : message);
    }
  } catch (error) {
    clearTimeout(timer);
    // The apology edits the deferred reply, or replies when there is none: a deferral under way ends first.
    await deferral?.catch(() => undefined);
    logger.error('discord command failed', { ...answering.describe(), interaction: interaction.id, error });
    await apologize(interaction, context, error);
  }
}
