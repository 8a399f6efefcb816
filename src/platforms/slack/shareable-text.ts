import type { Bot } from '../../bot.js';
import type { Reply } from '../../reply/reply.js';

// `lang` changes the asker's own setting: sharing it would run it again for the one who clicks.
const PERSONAL_COMMANDS: ReadonlySet<string> = new Set(['lang']);

/** Whether the command in `text` may be run again to post its answer publicly: not a personal setting, not an editors' command. */
export function isShareableCommand(bot: Bot, text: string): boolean {
  const invocation = bot.parse(text);
  return invocation.kind === 'command' && invocation.command.permission === 'everyone' && !PERSONAL_COMMANDS.has(invocation.command.name);
}

/** The command text behind a "Share in channel" button, or undefined when there is nothing worth sharing. */
export function shareableText(bot: Bot, text: string, reply: Reply): string | undefined {
  return reply.status === 'ok' && isShareableCommand(bot, text) ? text : undefined;
}
