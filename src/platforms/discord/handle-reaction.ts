import type { MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import { reply } from '../../reply/reply.js';
import { tellAbout } from './answer-message.js';
import { discordAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';
import { markedMessage } from './marked-message.js';
import { discordMessageFacts } from './discord-message-facts.js';
import { newsOf } from './message-news.js';

/** The reaction that sends a message to the newsletter. */
export const NEWS_EMOJI = '📰';

/**
 * A 📰 reaction on a message in a server: the message is fetched (its text may be older than the
 * bot's cache, or not in it) and queued as news as the newsletter's rules say (NewsRules.marked):
 * as its author's, or the reactor's when no person wrote it; the bot's own messages and Discord's
 * are refused. The person who reacted is told by DM (a reaction cannot be answered ephemerally),
 * with a link to the message; when they accept no DMs, by a reply to the message that pings
 * nobody. A second 📰 on the same message is told "already in the queue as #N". Reactions from
 * bots are ignored.
 */
export async function handleReaction(
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
  context: DiscordContext,
): Promise<void> {
  const { bot, intake, rules } = context;
  if (reaction.emoji.name?.replace(/\uFE0F/g, '') !== NEWS_EMOJI) return;
  const reactor = user.partial ? await user.fetch() : user;
  const marker = { id: reactor.id, kind: reactor.bot ? 'bot' : 'person' } as const;
  if (!rules.markCounts(marker)) return;
  const message = await markedMessage(reaction, reactor, context, NEWS_EMOJI, 'discord.cannotRead');
  if (!message) return;
  const decision = rules.marked(discordMessageFacts(message), reactor.id);
  const sender = discordAsker(reactor);
  await tellAbout(reactor, message, context, 'discord.aboutMarkedMessage', async () =>
    decision.action === 'refuse'
      ? reply('invalid', bot.t(await bot.languageOf(sender), decision.reason))
      : intake.submit(
          newsOf(message),
          decision.authorId === reactor.id ? sender : discordAsker(message.author),
          sender,
        ),
  );
}
