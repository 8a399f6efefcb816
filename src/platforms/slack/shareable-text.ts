import type { Bot } from '../../bot.js';
import { onlyReads } from '../../dispatch/command.js';
import type { Reply } from '../../reply/reply.js';

/** Whether the command in `text` may be run again to post its answer publicly: it only reads, and anyone may run it. */
export function isShareableCommand(bot: Bot, text: string): boolean {
  const invocation = bot.parse(text);
  return (
    invocation.kind === 'command' &&
    invocation.command.permission === 'everyone' &&
    onlyReads(invocation.command, { text: invocation.argument })
  );
}

/** The command text behind a "Share in channel" button, or undefined when there is nothing worth sharing. */
export function shareableText(bot: Bot, text: string, reply: Reply): string | undefined {
  return reply.status === 'ok' && isShareableCommand(bot, text) ? text : undefined;
}
