import type { z } from 'zod';
import { StoredValueError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * What the store hands back is checked before use: a row edited by hand, or written by another
 * program or version, must neither crash an answer nor be taken as what it claims to be. Each
 * reader decides which of the two below fits what it reads.
 */

/**
 * `value`, read from the store at `key`, once `schema` accepts it; otherwise a StoredValueError
 * naming the key. The value itself is returned, not zod's copy of it: its keys keep their order,
 * and a key the schema does not name is kept, so that what is written back is what was read (a
 * news item is compared with its stored text before an update). So a schema given here only
 * checks: it must not transform what it accepts.
 */
export function checkStored<T>(schema: z.ZodType<T>, key: string, value: unknown): T {
  if (accepts(schema, value)) return value;
  throw new StoredValueError(key, problemOf(schema, value));
}

/** `checkStored` for a value stored as JSON text. */
export function checkStoredJson<T>(schema: z.ZodType<T>, key: string, json: string): T {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new StoredValueError(key, 'not JSON');
  }
  return checkStored(schema, key, value);
}

/**
 * For a value the bot can do without (a language choice, a message awaiting a yes): `read`, or
 * undefined when what the store holds is unreadable, with a warning naming its key so that it can
 * be mended.
 */
export async function absentIfUnreadable<T>(read: Promise<T | undefined>, logger: Logger): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (!(error instanceof StoredValueError)) throw error;
    logger.warn('a value in the store is unreadable; taken as absent', { key: error.key, problem: error.problem });
    return undefined;
  }
}

function accepts<T>(schema: z.ZodType<T>, value: unknown): value is T {
  return schema.safeParse(value).success;
}

/** The first thing wrong with `value`, in one line: where in it, and what. */
function problemOf(schema: z.ZodType, value: unknown): string {
  const issue = schema.safeParse(value).error?.issues[0];
  if (!issue) return 'refused by its schema';
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
