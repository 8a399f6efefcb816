import type { Catalog } from '../../src/catalog/load-catalog.js';
import type { MeetingOccurrence } from '../../src/catalog/schema.js';
import { parseEventDate, type EventDate } from '../../src/domain/event-date.js';

/**
 * The 2027 first-quarter steering-committee meeting, confirmed on `day` at `time` in `timeZone`
 * for two hours (unless `duration` says otherwise), to join online.
 */
export function timedQ1(
  day: string,
  time: string,
  timeZone: string,
  duration: string | undefined = 'PT2H',
): MeetingOccurrence {
  return {
    id: 'sc-2027-q1',
    year: 2027,
    quarter: 1,
    when: parseEventDate(day) as EventDate,
    format: 'online',
    place: { online: true },
    otherVersions: [],
    confirmed: true,
    time,
    timeZone,
    ...(duration ? { duration } : {}),
    link: 'https://meet.example.org/gsef',
    revision: 0,
  };
}

/** `data` with `occurrence` among the steering committee's dated meetings. */
export function withOccurrence(data: Catalog, occurrence: MeetingOccurrence): Catalog {
  const sc = data.meetings.steeringCommittee;
  return {
    ...data,
    meetings: { ...data.meetings, steeringCommittee: { ...sc, occurrences: [...sc.occurrences, occurrence] } },
  };
}
