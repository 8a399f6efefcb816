import { z } from 'zod';
import type { CalendarEvent, LocalizedText, Place } from '../catalog/schema.js';
import type { EventDate } from '../domain/event-date.js';

/** What an announcement says of an event, kept in the store as the version last announced. */
export interface AnnouncedEvent {
  title: LocalizedText;
  when: EventDate;
  place?: Place;
  confirmed: boolean;
  revision: number;
}

/** The events as announced, by id. */
export type AnnouncedEvents = Record<string, AnnouncedEvent>;

/** What about an event changed, in the order an announcement names them. */
export const CHANGED_FACTS = ['title', 'date', 'place', 'confirmed', 'revision'] as const;
export type ChangedFact = (typeof CHANGED_FACTS)[number];

export type EventChange =
  | { kind: 'added'; id: string; now: AnnouncedEvent }
  | { kind: 'changed'; id: string; now: AnnouncedEvent; facts: ChangedFact[] }
  | { kind: 'removed'; id: string; before: AnnouncedEvent };

/** The facts of each event that are announced when they change. */
export function announcedEvents(events: readonly CalendarEvent[]): AnnouncedEvents {
  return Object.fromEntries(
    events.map(({ id, title, when, place, confirmed, revision }) => [
      id,
      { title, when, ...(place ? { place } : {}), confirmed, revision },
    ]),
  );
}

/**
 * What changed from `before` to `now`: events added and changed in the order of `now` (the file's
 * order), then those removed. Other fields (partners, aliases, members involved…) are not announced.
 */
export function eventChanges(before: AnnouncedEvents, now: AnnouncedEvents): EventChange[] {
  const changes: EventChange[] = [];
  for (const [id, event] of Object.entries(now)) {
    const earlier = before[id];
    if (!earlier) {
      changes.push({ kind: 'added', id, now: event });
      continue;
    }
    const facts = CHANGED_FACTS.filter((fact) => !same(factOf(earlier, fact), factOf(event, fact)));
    if (facts.length > 0) changes.push({ kind: 'changed', id, now: event, facts });
  }
  for (const [id, event] of Object.entries(before)) {
    if (!(id in now)) changes.push({ kind: 'removed', id, before: event });
  }
  return changes;
}

function factOf(event: AnnouncedEvent, fact: ChangedFact): unknown {
  switch (fact) {
    case 'title':
      return event.title;
    case 'date':
      return event.when;
    case 'place':
      return event.place;
    case 'confirmed':
      return event.confirmed;
    case 'revision':
      return event.revision;
  }
}

/**
 * Equal as data, as JSON would write them: objects with the same keys (in any order; a key whose
 * value is undefined is no key) and equal values, arrays item by item. Compared directly: writing
 * both sides as sorted JSON took a third of the first comparison at start-up at 100 times the data.
 */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b))
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => same(item, b[i]));
  const aKeys = definedKeys(a);
  const bKeys = definedKeys(b);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every((key) => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
  );
}

function definedKeys(value: object): string[] {
  return Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined);
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** An announced event as the store holds it (JSON), checked when read back. */
export const storedAnnouncedEvent = z.object({
  title: z.object({ en: z.string(), fr: z.string(), es: z.string() }),
  when: z.discriminatedUnion('precision', [
    z.object({ precision: z.literal('day'), start: day, end: day }),
    z.object({
      precision: z.literal('month-day-unknown'),
      start: day,
      end: day,
      year: z.number().int(),
      month: z.number().int(),
    }),
    z.object({ precision: z.literal('month'), start: day, end: day, year: z.number().int(), month: z.number().int() }),
    z.object({
      precision: z.literal('half-year'),
      start: day,
      end: day,
      year: z.number().int(),
      half: z.union([z.literal(1), z.literal(2)]),
    }),
  ]),
  place: z
    .object({ city: z.string().optional(), country: z.string().optional(), online: z.literal(true).optional() })
    .optional(),
  confirmed: z.boolean(),
  revision: z.number().int().nonnegative(),
}) satisfies z.ZodType<AnnouncedEvent>;
