import type { z } from 'zod';
import type { PersonRef } from './roles.js';

/** A person as records in the store keep them (who answered, who recorded): checked when read back. */
export function storedPersonRef(zod: typeof z): z.ZodType<PersonRef> {
  return zod.strictObject({ platform: zod.string().min(1).max(32), id: zod.string().min(1).max(200) });
}

/**
 * How each platform the bot knows spells a person's id: a Slack user id (`U0123ABCD`, or `W…` on
 * Enterprise Grid), a Discord snowflake, a console name. An id of another shape names nobody there.
 */
const ID_SHAPES: ReadonlyMap<string, RegExp> = new Map([
  ['slack', /^[UW][A-Z0-9]{2,39}$/],
  ['discord', /^\d{15,25}$/],
  ['console', /^[\p{Letter}\p{Number}][\p{Letter}\p{Number}._-]{0,63}$/u],
]);

/**
 * The person a text names, on the platform it says or else the asker's: undefined when the id
 * cannot be one on that platform (a Slack id given on the console without `slack:`, a name where
 * an id is needed), or the platform is not one the bot knows.
 */
export function personNamed(mention: { platform?: string; id: string }, askerPlatform: string): PersonRef | undefined {
  const platform = mention.platform ?? askerPlatform;
  return ID_SHAPES.get(platform)?.test(mention.id) ? { platform, id: mention.id } : undefined;
}

/** A person as answers show them: their platform and id, never a mention that would notify them. */
export function shownPerson(person: PersonRef): string {
  return `${person.platform}:${person.id}`;
}
