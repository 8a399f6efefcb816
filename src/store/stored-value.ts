import type { z } from 'zod';
import { StoredValueError } from '../errors.js';
import type { Logger } from '../logger.js';

/**
 * What the store hands back is checked before use: a row edited by hand, or written by another
 * program or version, must neither crash an answer nor be taken as what it claims to be. Each
 * reader decides which of the two below fits what it reads.
 */

/** What is wrong with a value: where in it (keys from its top), and what. */
interface ValueProblem {
  path: readonly PropertyKey[];
  message: string;
}

/** A check of a value: zod's schemas are such checks, and so are the plain ones of `plainSchema`. */
export interface ValueCheck<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly ValueProblem[] } };
}

/**
 * What a value read from the store must be, made the first time a value is checked against it
 * (and kept): a zod schema (`storedSchema`) or a plain check (`plainSchema`).
 */
export type StoredSchema<T> = () => Promise<ValueCheck<T>>;

/** A StoredSchema that is a zod schema, which another zod schema can embed. */
export type ZodStoredSchema<T> = () => Promise<z.ZodType<T>>;

/**
 * A zod StoredSchema; `build` is given zod, and may await another one it embeds. zod is loaded
 * then, not before: it is about a hundred modules, 50 to 90 ms of a one-shot `gsef` answer's start.
 */
export function storedSchema<T>(build: (zod: typeof z) => z.ZodType<T> | Promise<z.ZodType<T>>): ZodStoredSchema<T> {
  let built: Promise<z.ZodType<T>> | undefined;
  return () => (built ??= import('zod').then(({ z }) => build(z)));
}

/**
 * A StoredSchema checked without zod, for the few values read on the way to an everyday answer (a
 * row of the key-value table, a person's language or time zone): a one-shot answer to someone who
 * chose a language then loads no zod. `expected` says what the value must be, for the warning.
 */
export function plainSchema<T>(accepts: (value: unknown) => value is T, expected: string): StoredSchema<T> {
  const check: ValueCheck<T> = {
    safeParse: (value) =>
      accepts(value)
        ? { success: true, data: value }
        : { success: false, error: { issues: [{ path: [], message: `expected ${expected}` }] } },
  };
  const made = Promise.resolve(check);
  return () => made;
}

/** Whether `value` is an object whose properties named `keys` are each a string (a row of text columns). */
export function hasTextFields<K extends string>(value: unknown, keys: readonly K[]): value is Record<K, string> {
  if (typeof value !== 'object' || value === null) return false;
  return keys.every((key) => typeof (value as Record<string, unknown>)[key] === 'string');
}

/**
 * `value`, read from the store at `key`, once `schema` accepts it; otherwise a StoredValueError
 * naming the key. The value itself is returned, not zod's copy of it: its keys keep their order,
 * and a key the schema does not name is kept, so that what is written back is what was read (a
 * news item is compared with its stored text before an update). So a schema given here only
 * checks: it must not transform what it accepts.
 */
export async function checkStored<T>(schema: StoredSchema<T>, key: string, value: unknown): Promise<T> {
  const zodSchema = await schema();
  if (accepts(zodSchema, value)) return value;
  throw new StoredValueError(key, problemOf(zodSchema, value));
}

/** `checkStored` for a value stored as JSON text. */
export async function checkStoredJson<T>(schema: StoredSchema<T>, key: string, json: string): Promise<T> {
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

/**
 * The values under `prefix` that `schema` accepts, each with its key, sorted by key; one that it
 * refuses is left out with a warning naming its key (a record kept for the secretariat must not
 * make the rest unreadable).
 */
export async function readableEntries<T>(
  entries: AsyncIterable<{ key: string; value: unknown }>,
  schema: StoredSchema<T>,
  logger: Logger,
): Promise<{ key: string; value: T }[]> {
  const readable: { key: string; value: T }[] = [];
  for await (const { key, value } of entries) {
    try {
      readable.push({ key, value: await checkStored(schema, key, value) });
    } catch (error) {
      if (!(error instanceof StoredValueError)) throw error;
      logger.warn('a record in the store is unreadable; left out', { key, problem: error.problem });
    }
  }
  return readable.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function accepts<T>(schema: ValueCheck<T>, value: unknown): value is T {
  return schema.safeParse(value).success;
}

/** The first thing wrong with `value`, in one line: where in it, and what. */
function problemOf(schema: ValueCheck<unknown>, value: unknown): string {
  const result = schema.safeParse(value);
  const issue = result.success ? undefined : result.error.issues[0];
  if (!issue) return 'refused by its schema';
  return issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message;
}
