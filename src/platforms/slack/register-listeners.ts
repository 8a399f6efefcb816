import type { App, BlockButtonAction } from '@slack/bolt';
import { handleDirectMessage, personalMessage } from './handle-direct-message.js';
import { handleMention } from './handle-mention.js';
import { handleShareAction } from './handle-share-action.js';
import { handleSlashCommand } from './handle-slash-command.js';
import type { SlackDeps } from './slack-deps.js';
import { SHARE_ACTION_ID, SLASH_COMMAND } from './slack-ids.js';

/** Connects what Slack sends (the slash command, the share button, mentions, DMs) to the handlers. */
export function registerListeners(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, (args) => handleSlashCommand(deps, args));
  app.action<BlockButtonAction>({ type: 'block_actions', action_id: SHARE_ACTION_ID }, (args) => handleShareAction(deps, args));
  app.event('app_mention', ({ event }) => handleMention(deps, event));
  app.event('message', async ({ event, context }) => {
    const message = personalMessage(event, context.botUserId);
    if (message) await handleDirectMessage(deps, message);
  });
  // The handlers catch their own failures; this is the net for anything Bolt itself raises.
  app.error(async (error) => {
    deps.logger.error('Slack listener failed', { error, code: (error as { code?: string }).code });
  });
}
