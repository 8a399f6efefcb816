import type { MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import { tellAbout } from './answer-message.js';
import { discordAsker } from './discord-asker.js';
import type { DiscordContext } from './discord-context.js';
import { markedMessage } from './marked-message.js';
import { newsOf } from './message-news.js';

/** The reaction that proposes a message for the next steering-committee meeting's agenda. */
export const PROPOSAL_EMOJI = '📋';

/**
 * A 📋 reaction on a message in a server: the message is fetched and its words proposed for the
 * next steering-committee meeting's agenda as the proposal of the person who reacted (see
 * Bot.proposeFromMessage). They are told by DM, with a link to the message, as for 📰; reactions
 * from bots are ignored. It arrives with the 📰 path's reactions (DISCORD_NEWS_REACTIONS=on).
 */
export async function handleProposalReaction(
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
  context: DiscordContext,
): Promise<void> {
  const { bot } = context;
  if (reaction.emoji.name?.replace(/\uFE0F/g, '') !== PROPOSAL_EMOJI) return;
  const reactor = user.partial ? await user.fetch() : user;
  if (reactor.bot) return;
  const asker = discordAsker(reactor);
  const message = await markedMessage(reaction, reactor, context, PROPOSAL_EMOJI, 'proposals.cannotRead');
  if (!message) return;
  const { text, origin } = newsOf(message);
  await tellAbout(reactor, message, context, 'proposals.aboutMarkedMessage', () =>
    bot.proposeFromMessage(text, asker, origin ?? {}),
  );
}
