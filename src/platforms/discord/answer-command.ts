import { MessageFlags, type ChatInputCommandInteraction, type CommandInteractionOption } from 'discord.js';
import { setTimeout as delay } from 'node:timers/promises';
import { commandText, type Invocation } from './command-text.js';
import { discordAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';
import { discordMessage } from './discord-message.js';
import { apologize } from './apologize.js';

/**
 * Answers `/gsef <subcommand> [options]` with the bot's reply, as embeds, ephemeral when the reply
 * is private. Discord drops an interaction not answered within 3 seconds, so an answer not ready
 * after `deferAfterMs` is deferred ("thinking…") and sent as an edit when it is. Answers that
 * are ready in time (nearly all: the data is in memory) go out in one request, without the
 * flicker and the extra round trip of always deferring.
 */
export async function answerCommand(interaction: ChatInputCommandInteraction, context: DiscordContext): Promise<void> {
  const { bot, logger } = context;
  const asker = discordAsker(interaction.user, interaction.locale);
  let text = '';
  const timer = new AbortController();
  try {
    text = commandText(invocationOf(interaction.options.data), bot.commands, context.words);
    // Settles with the message or the error, never rejects: it may be awaited after a deferral.
    const answer = (async () => {
      const [reply, lang] = await Promise.all([bot.answer(text, asker), bot.languageOf(asker)]);
      return { reply, message: discordMessage(bot, reply, lang) };
    })().then(
      (ok) => ({ ok }),
      (error: unknown) => ({ error }),
    );
    // The timer is cancelled once the race is decided; its rejection then means nothing.
    const deadline = delay(context.deferAfterMs, undefined, { signal: timer.signal }).catch(() => undefined);
    let settled = await Promise.race([answer, deadline]);
    if (settled === undefined) {
      // Deferred answers stay ephemeral: Discord fixes the visibility when deferring.
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      settled = await answer;
    }
    if ('error' in settled) throw settled.error;
    const { reply, message } = settled.ok;
    if (interaction.deferred) await interaction.editReply(message);
    else await interaction.reply({ ...message, ...(reply.visibility === 'private' ? { flags: MessageFlags.Ephemeral } : {}) });
  } catch (error) {
    logger.error('discord command failed', { text, asker, interaction: interaction.id, error });
    await apologize(interaction, context);
  } finally {
    timer.abort();
  }
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
