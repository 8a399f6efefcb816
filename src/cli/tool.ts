import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describeFailure, UsageError } from '../errors.js';

/** Where a one-shot tool writes a line for the operator. */
export type Print = (text: string) => void;

/** A tool of `gsef`: its arguments after its name, the environment, stdout and stderr; its exit code. */
export type Tool = (args: readonly string[], env: NodeJS.ProcessEnv, out: Print, err: Print) => Promise<number>;

/**
 * Runs a tool's work and turns whatever it throws into lines on stderr and an exit code, through
 * the one mapping of src/errors.ts (describeFailure). A tool fails by throwing: a UsageError for a
 * command line it cannot read, a ConfigError for a bad setting or flag value, and so on; it never
 * chooses a failure's exit code or wording itself. `work` answers the exit code of an outcome that
 * is not a failure (0, or a refused answer's 2).
 */
export async function runTool(
  lead: string,
  env: NodeJS.ProcessEnv,
  err: Print,
  work: () => Promise<number>,
): Promise<number> {
  try {
    return await work();
  } catch (error) {
    const { lines, exitCode } = describeFailure(lead, error, env.GSEF_STORE_URL);
    for (const line of lines) err(line);
    return exitCode;
  }
}

/** node:util's parseArgs, whose refusal (an unknown flag, a missing value) is a UsageError with the tool's usage. */
export function parseToolArgs<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    // Node writes some refusals over several lines ("…is ambiguous.\nDid you forget…"): one line here.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split(/\s*\n\s*/).join(' '), usage);
  }
}
