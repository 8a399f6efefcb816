import { DataError, problemReport } from './catalog/data-error.js';
import { ConfigError } from './config.js';
import { escapeUnprintable } from './one-line.js';
import { maskCredentials } from './store/store-url.js';

/**
 * What an entry point prints when it stops on an error, and its exit code: a bad setting is one
 * line naming the variable (2), bad data one line per problem naming the file and line (1),
 * anything else one line saying what failed (1). Never a stack trace; never the store's
 * credentials, whichever message quotes them; never a control character, whichever value a
 * message quotes, so that each line stays one line.
 */
export function describeFailure(
  lead: string,
  error: unknown,
  storeUrl: string | undefined,
): { lines: string[]; exitCode: number } {
  const mask = (line: string) => escapeUnprintable(storeUrl ? maskCredentials(line, storeUrl) : line);
  if (error instanceof ConfigError) return { lines: [mask(`${lead}${error.message}`)], exitCode: 2 };
  if (error instanceof DataError) return { lines: problemReport(lead, error).map(mask), exitCode: 1 };
  const message = error instanceof Error ? `${error.message.split('\n')[0]} (${error.name})` : String(error);
  return { lines: [mask(`${lead}${message}`)], exitCode: 1 };
}
