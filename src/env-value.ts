import { ConfigError } from './errors.js';
import { escapeUnprintable } from './one-line.js';

/**
 * A value quoted in an error message, shortened: a runaway value (a megabyte pasted by mistake)
 * must not become a megabyte of error, and a line break or control character in it is shown
 * escaped, so that the error stays one line.
 */
export function quoted(value: string): string {
  const shown = [...value].length > 40 ? `${[...value].slice(0, 40).join('')}…` : value;
  return `"${escapeUnprintable(shown.replace(/["\\]/g, '\\$&'))}"`;
}

/** Why a variable longer than `max` characters is refused, in every setting's check. */
export const longerThan = (max: number) => `is longer than ${max} characters`;

/** An empty variable that must not be, in the words the platforms' zod checks give it. */
const EMPTY = 'Too small: expected string to have >=1 characters';

/**
 * The text of `variable`, or undefined when it is unset; a ConfigError naming it when it is longer
 * than `max` (checked first: nothing else reads a runaway value) or, with `nonEmpty`, empty. This
 * is what src/env-text.ts's envText(max) checks, without loading zod: the core settings are read by
 * every one-shot `gsef` answer.
 */
export function envValue(
  env: NodeJS.ProcessEnv,
  variable: string,
  max: number,
  { nonEmpty = false }: { nonEmpty?: boolean } = {},
): string | undefined {
  const value = env[variable];
  if (value === undefined) return undefined;
  if (value.length > max) throw new ConfigError(variable, longerThan(max));
  if (nonEmpty && value === '') throw new ConfigError(variable, EMPTY);
  return value;
}
