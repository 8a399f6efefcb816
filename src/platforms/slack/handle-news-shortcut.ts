import type { MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { answerSafely } from './answer-safely.js';
import type { SlackDeps } from './slack-deps.js';
import { slackMessage } from './slack-message.js';
import { submitMessageAsNews, type BotSelf } from './slack-news.js';

type ShortcutArgs = Pick<SlackShortcutMiddlewareArgs<MessageShortcut>, 'ack' | 'shortcut' | 'respond'>;

/**
 * The message shortcut "Send to GSEF newsletter" (the message's ⋯ menu): sends the message to
 * the newsletter queue (see submitMessageAsNews), and tells the one who chose it privately,
 * through the response URL, which works even where the bot is not a member.
 */
export async function handleNewsShortcut(
  deps: SlackDeps,
  { ack, shortcut, respond }: ShortcutArgs,
  self: BotSelf,
): Promise<void> {
  await ack();
  const requester = await deps.askers.asker(shortcut.user.id, shortcut.user.name);
  const send = (message: object) => respond({ response_type: 'ephemeral', ...message });
  await answerSafely(
    deps,
    requester,
    { listener: 'news shortcut', channel: shortcut.channel.id, ts: shortcut.message.ts },
    send,
    async () => {
      const answer = await submitMessageAsNews(deps, shortcut.channel.id, shortcut.message, requester, self);
      await send(slackMessage(deps.bot, await deps.bot.languageOf(requester), answer));
    },
  );
}
