import type { App, BlockButtonAction, MessageShortcut } from '@slack/bolt';
import { dropRepeatedEvents, type EventClaims } from './drop-repeated-events.js';
import { handleDirectMessage } from './handle-direct-message.js';
import { handleMention } from './handle-mention.js';
import { handleNewsChannelMessage } from './handle-news-channel-message.js';
import { handleNewsReaction } from './handle-news-reaction.js';
import { handleProposalReaction } from './handle-proposal-reaction.js';
import { handleNewsShortcut } from './handle-news-shortcut.js';
import { handleReplyAction } from './handle-reply-action.js';
import { handleShareAction } from './handle-share-action.js';
import type { SlackDeps } from './slack-deps.js';
import { NEWS_SHORTCUT_CALLBACK_ID, REPLY_ACTION_ID, SHARE_ACTION_ID } from './slack-ids.js';
import { routeSlashCommand } from './route-slash-command.js';
import { receivedMessage, slackMessageFacts } from './slack-message-facts.js';

export interface ListenerOptions {
  /** Where repeated Events API deliveries are recognised (the store's claims and the bot's clock). */
  events: EventClaims;
  /** How long a slash command's answer may take and still go in its acknowledgement. */
  ackBudgetMs: number;
}

/**
 * Connects what Slack sends to the handlers: the slash command, the buttons (Share, and a reply's
 * actions), mentions, DMs, posts in news channels, :newspaper: and :clipboard: reactions and the message shortcut.
 */
export function registerListeners(app: App, deps: SlackDeps, options: ListenerOptions): void {
  // First: the slash command, most of the traffic, skips the rest (see routeSlashCommand).
  app.use(routeSlashCommand(deps, options.ackBudgetMs));
  app.use(dropRepeatedEvents(options.events, deps.logger));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: SHARE_ACTION_ID }, (args) =>
    handleShareAction(deps, args),
  );
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: REPLY_ACTION_ID }, (args) =>
    handleReplyAction(deps, args),
  );
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: NEWS_SHORTCUT_CALLBACK_ID }, (args) =>
    handleNewsShortcut(deps, args, args.context),
  );
  app.event('app_mention', ({ event, context }) => handleMention(deps, event, context));
  app.event('reaction_added', async ({ event, context }) => {
    await handleNewsReaction(deps, event, context);
    await handleProposalReaction(deps, event);
  });
  app.event('message', async ({ event, context }) => {
    const message = receivedMessage(event);
    const decision = deps.rules.received(slackMessageFacts(message, message, context));
    if (decision.action === 'direct-message') await handleDirectMessage(deps, message, decision.authorId);
    else if (decision.action === 'news') await handleNewsChannelMessage(deps, message, decision.authorId);
    // A question names the bot: Slack sends it as app_mention too, and handleMention answers it there.
  });
  // The handlers catch their own failures; this is the net for anything Bolt itself raises.
  app.error(async (error) => {
    deps.logger.error('Slack listener failed', { error, code: (error as { code?: string }).code });
  });
}
