import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import { reply } from '../../reply/reply.js';
import { answerSafely } from './answer-safely.js';
import type { SlackDeps } from './slack-deps.js';
import { PROPOSAL_REACTION } from './slack-ids.js';
import { slackMessage } from './slack-message.js';
import { fetchMessage, tellPrivately } from './slack-news.js';
import { slackNewsText } from './slack-text.js';

type ReactionEvent = SlackEventMiddlewareArgs<'reaction_added'>['event'];

/**
 * A :clipboard: (📋) reaction on a message the bot can read proposes the message's words for the
 * next steering-committee meeting's agenda, as the proposal of the person who reacted (see
 * Bot.proposeFromMessage: they must be one who may propose). They are told the outcome privately,
 * in their language; a bot's reaction is ignored.
 */
export async function handleProposalReaction(deps: SlackDeps, event: ReactionEvent): Promise<void> {
  if (event.reaction !== PROPOSAL_REACTION || event.item.type !== 'message') return;
  const { channel, ts } = event.item;
  const reactor = await deps.askers.asker(event.user);
  if (await deps.askers.isBot(reactor.id)) return;
  const tell = (message: Parameters<typeof tellPrivately>[3]) => tellPrivately(deps, channel, reactor.id, message);
  await answerSafely(deps, reactor, { listener: 'proposal reaction', channel, ts }, tell, async () => {
    const lang = await deps.bot.languageOf(reactor);
    const message = await fetchMessage(deps, channel, ts);
    const answer = message
      ? await deps.bot.proposeFromMessage(slackNewsText(message.text ?? ''), reactor, { channel, messageId: ts })
      : reply('invalid', deps.bot.t(lang, 'proposals.cannotRead'));
    await tell(slackMessage(deps.bot, lang, answer));
  });
}
