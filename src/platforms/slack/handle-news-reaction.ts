import type { SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackMessage } from './render-slack.js';
import { reply } from '../../reply/reply.js';
import { answerSafely } from './answer-safely.js';
import type { SlackDeps } from './slack-deps.js';
import { NEWS_REACTION } from './slack-ids.js';
import { slackMessage } from './slack-message.js';
import { fetchMessage, submitMessageAsNews, tellPrivately, type BotSelf } from './slack-news.js';

type ReactionEvent = SlackEventMiddlewareArgs<'reaction_added'>['event'];

/**
 * A :newspaper: reaction on a message the bot can read sends that message to the newsletter
 * queue, as the newsletter's rules say (see submitMessageAsNews). The one who reacted is told the
 * outcome privately, in their language; other reactions, and a bot's, are not the bot's business.
 */
export async function handleNewsReaction(deps: SlackDeps, event: ReactionEvent, self: BotSelf): Promise<void> {
  if (event.reaction !== NEWS_REACTION || event.item.type !== 'message') return;
  const { channel, ts } = event.item;
  const reactor = await deps.askers.asker(event.user);
  const kind = (await deps.askers.isBot(reactor.id)) ? 'bot' : 'person';
  if (!deps.rules.markCounts({ id: reactor.id, kind })) return;
  const tell = (message: SlackMessage) => tellPrivately(deps, channel, reactor.id, message);
  await answerSafely(deps, reactor, { listener: 'news reaction', channel, ts }, tell, async () => {
    const lang = await deps.bot.languageOf(reactor);
    const message = await fetchMessage(deps, channel, ts);
    const answer = message
      ? await submitMessageAsNews(deps, channel, message, reactor, self)
      : reply('invalid', deps.bot.t(lang, 'slack.cannotReadMessage'));
    await tell(slackMessage(deps.bot, lang, answer));
  });
}
