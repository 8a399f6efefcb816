import { DateTime } from 'luxon';
import type { PersonRole } from '../domain/vocabulary.js';

/** The roles whose holders may propose agenda items: members' representatives, the advisors and the secretariat. */
export const PROPOSER_ROLES = ['representative', 'advisor', 'secretariat'] as const satisfies readonly PersonRole[];

export function mayPropose(roles: ReadonlySet<PersonRole>): boolean {
  return PROPOSER_ROLES.some((role) => roles.has(role));
}

/** Who decides on proposals. */
export function mayDecide(roles: ReadonlySet<PersonRole>): boolean {
  return roles.has('secretariat');
}

/**
 * The last day (ISO) on which items may be proposed for a meeting that starts on `firstDay`:
 * `cutoffDays` days before it. Days are the bot's calendar days (its time zone), as `today` is:
 * on the cut-off day itself proposals are still taken, from the next day on they are not. A
 * meeting known only by its week counts from the week's first day.
 */
export function proposalCutoff(firstDay: string, cutoffDays: number): string {
  return DateTime.fromISO(firstDay, { zone: 'utc' }).minus({ days: cutoffDays }).toISODate()!;
}

export function proposalsOpen(today: string, firstDay: string, cutoffDays: number): boolean {
  return today <= proposalCutoff(firstDay, cutoffDays);
}
