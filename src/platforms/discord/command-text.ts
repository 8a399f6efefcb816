import type { CommandDefinition } from '../../dispatch/command.js';
import { FILTER_OPTIONS } from './discord-commands.js';
import type { FilterWords } from './filter-words.js';

/** What a `/gsef` interaction asked: the subcommand and its option values, by option name. */
export interface Invocation {
  subcommand: string | undefined;
  values: ReadonlyMap<string, string>;
}

/**
 * Joins a subcommand and its options back into the command text every platform shares:
 * `next-event` + region `africa` + month `7` + filter `forum` -> `next-event africa july forum`.
 * An unknown subcommand is passed on as is, for the bot to say it does not know it; no
 * subcommand at all is `help`.
 */
export function commandText(
  invocation: Invocation,
  commands: readonly CommandDefinition[],
  words: FilterWords,
): string {
  const { subcommand, values } = invocation;
  if (subcommand === undefined) return 'help';
  const command = commands.find((c) => c.name === subcommand);
  if (!command) return subcommand;
  const value = (name: string) => values.get(name)?.trim() ?? '';
  const parts = command.options.flatMap((option) =>
    option.type === 'event-filter' || option.type === 'member-filter'
      ? [
          words.region(value(FILTER_OPTIONS.region)),
          words.month(value(FILTER_OPTIONS.month)),
          value(FILTER_OPTIONS.filter),
        ]
      : [value(option.name)],
  );
  return [command.name, ...parts].filter((part) => part !== '').join(' ');
}
