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
  let timer: NodeJS.Timeout | undefined;
  try {
    // Settles with the message or the error, never rejects: it may be awaited after a deferral.
    const answer = (async () => {
      const reply = await answering.produce();
      // A command's reply says its language; the asker's (a read of the store) is looked up only for the others.
      const lang = reply.lang ?? (await bot.languageOf(discordAsker(interaction.user, interaction.locale)));
      return { reply, message: discordMessage(bot, reply, lang) };
    })().then(
      (ok) => ({ ok }),
      (error: unknown) => ({ error }),
    );
    // A plain timer, cleared once the race is decided: aborting a timers/promises delay instead
    // builds an AbortError (a DOMException, with its stack) for every interaction answered in time.
    const deadline = new Promise<undefined>(
      (resolve) => (timer = setTimeout(resolve, context.deferAfterMs, undefined)),
    );
    let settled = await Promise.race([answer, deadline]);
    if (settled === undefined) {
      // Deferred answers stay ephemeral: Discord fixes the visibility when deferring.
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      settled = await answer;
    }
    if ('error' in settled) throw settled.error;
    const { reply, message } = settled.ok;
    const ephemeral = answering.ephemeral === 'always' || reply.visibility === 'private';
    if (interaction.deferred) await interaction.editReply(message);
    else await interaction.reply({ ...message, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
  } catch (error) {
    logger.error('discord command failed', { ...answering.describe(), interaction: interaction.id, error });
    await apologize(interaction, context, error);
  } finally {
    clearTimeout(timer);
  }
}
