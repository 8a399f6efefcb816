import { z } from 'zod';
import { longerThan } from './env-value.js';

/** An environment variable's text, refused at once (before any other check) when longer than `max`. */
export const envText = (max: number) => z.string().max(max, { error: longerThan(max), abort: true });

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
