import { DateTime } from 'luxon';

/**
 * Where time comes from: injected everywhere, so that GSEF_NOW / --now and tests can pin it.
 * `millis`, when a clock has it, reads the same instant as epoch milliseconds without making a
 * luxon DateTime (a few hundred bytes and a zone lookup): what every answer reads to know whether
 * its last reading still holds.
 */
export type Clock = (() => DateTime) & { readonly millis?: () => number };

/** Now on `clock`, in epoch milliseconds: by its `millis` when it has one. */
export function clockMillis(clock: Clock): number {
  return clock.millis ? clock.millis() : clock().toMillis();
}

export const systemClock: Clock = Object.assign(() => DateTime.now(), { millis: Date.now });

/** A clock stopped at one instant. */
export function fixedClock(instant: DateTime): Clock {
  const ms = instant.toMillis();
  return Object.assign(() => instant, { millis: () => ms });
}

/**
 * A clock that starts at an instant and runs in real time from there: `npm start` with GSEF_NOW
 * set behaves as if started at that moment, so that reminders fall due as time goes on.
 */
export function runningClockFrom(
  instant: DateTime,
  elapsedMs: () => number = performance.now.bind(performance),
): Clock {
  const startedAt = elapsedMs();
  const start = instant.toMillis();
  // From epoch milliseconds, like the system clock: arithmetic on a zoned DateTime makes luxon
  // work out the zone's offset again, which cost more than the rest of an answer.
  const millis = () => start + (elapsedMs() - startedAt);
  return Object.assign(() => DateTime.fromMillis(millis()), { millis });
}

/** The years a pinned time may fall in: far-off years (275760, 10000, -1) have no events and print oddly. */
export const PINNED_YEARS = { from: 1900, to: 2999 } as const;

/**
 * Reads a pinned time: a calendar day (`2019-05-10`, taken as the start of that day in the given
 * zone) or a full ISO date-time (with or without an offset), in the years {@link PINNED_YEARS}.
 * Returns undefined when unreadable or out of those years.
 */
export function parseInstant(text: string, zone: string): DateTime | undefined {
  const instant = DateTime.fromISO(text.trim(), { zone, setZone: false });
  if (!instant.isValid) return undefined;
  // The year in UTC: the same answer whatever zone the data folder later sets.
  const { year } = instant.toUTC();
  return year >= PINNED_YEARS.from && year <= PINNED_YEARS.to ? instant.setZone(zone) : undefined;
}

/**
 * Today's year in `zone` by `clock`, worked out in full only when the clock has left the year it
 * last found: asked at every answer, and luxon's zone arithmetic costs more than an answer.
 */
export function yearOn(clock: Clock, zone: string): () => number {
  let known: { year: number; fromMs: number; untilMs: number } | undefined;
  return () => {
    const ms = clockMillis(clock);
    if (known && ms >= known.fromMs && ms < known.untilMs) return known.year;
    const start = DateTime.fromMillis(ms, { zone }).startOf('year');
    known = { year: start.year, fromMs: start.toMillis(), untilMs: start.plus({ years: 1 }).toMillis() };
    return known.year;
  };
}
