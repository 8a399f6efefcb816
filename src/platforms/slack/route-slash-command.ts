import type { AnyMiddlewareArgs, Middleware, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { handleSlashCommand } from './handle-slash-command.js';
import type { SlackDeps } from './slack-deps.js';
import { SLASH_COMMAND } from './slack-ids.js';

/**
 * Answers `/gsef` as soon as Bolt has built its arguments, ahead of the listener chain: Bolt runs
 * every listener's matchers for every request (the buttons', the shortcut's, each event's), which
 * cost a slash command more than its answer does. It runs after the receiver has checked the
 * request (signature, timestamp, size) and Bolt has authorised it, like any middleware; anything
 * else goes on down the chain.
 */
export function routeSlashCommand(deps: SlackDeps, ackBudgetMs: number): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    if (isOurCommand(args)) await handleSlashCommand(deps, args, ackBudgetMs);
    else await args.next();
  };
}

function isOurCommand(args: AnyMiddlewareArgs): args is SlackCommandMiddlewareArgs {
  return 'command' in args && args.command.command === SLASH_COMMAND;
}
