import { z } from 'zod';
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

/** An environment variable's text, refused at once (before any other check) when longer than `max`. */
export const envText = (max: number) => z.string().max(max, { error: `is longer than ${max} characters`, abort: true });

/**
 * A token or secret: printable ASCII without spaces, as every Slack and Discord credential is. A
 * line break or a non-ASCII character (from copying) would only fail later, inside an HTTP header,
 * in an error quoting the whole secret; the refusal never shows the value, not even in part.
 */
export const envSecret = (max: number) =>
  envText(max).regex(/^[\x21-\x7e]+$/, {
    error:
      'holds a space, a line break or a character other than printable ASCII (check for a stray character copied with it)',
    abort: true,
  });
