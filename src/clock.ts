import { DateTime } from 'luxon';

/** Where time comes from: injected everywhere, so that GSEF_NOW / --now and tests can pin it. */
export type Clock = () => DateTime;

export const systemClock: Clock = () => DateTime.now();

/** A clock stopped at one instant. */
export function fixedClock(instant: DateTime): Clock {
  return () => instant;
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
  return () => DateTime.fromMillis(start + (elapsedMs() - startedAt));
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
