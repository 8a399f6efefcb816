import type { MessageKey, WordsKey } from '../i18n/message-keys.js';

/**
 * The commands the locale files explain under `commands.<name>` (`usage`, `summary`, `examples`):
 * every command of commands/ (commands/index.ts checks it at compile time).
 */
export type HelpedCommand = MessageKey extends infer K ? (K extends `commands.${infer N}.usage` ? N : never) : never;

/** The locale keys of a command's help. */
export interface CommandHelp {
  usage: MessageKey;
  summary: MessageKey;
  examples: WordsKey;
}

/**
 * The help keys of the command named `name`, or undefined for a command the locale files do not
 * explain (one a test adds); `locale` says which keys the locale files have.
 */
export function commandHelp(name: string, locale: { has(key: string): boolean }): CommandHelp | undefined {
  if (!isHelped(name, locale)) return undefined;
  return {
    usage: `commands.${name}.usage`,
    summary: `commands.${name}.summary`,
    examples: `commands.${name}.examples`,
  };
}

function isHelped(name: string, locale: { has(key: string): boolean }): name is HelpedCommand {
  return locale.has(`commands.${name}.usage`);
}
