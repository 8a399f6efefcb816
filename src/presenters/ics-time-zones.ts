import { DateTime, IANAZone } from 'luxon';

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;

/** The span of instants (epoch milliseconds) a calendar uses a zone for. */
export interface ZoneSpan {
  from: number;
  to: number;
}

/**
 * A VTIMEZONE (RFC 5545 §3.6.5) for `zone`, which every `TZID=` of the file must have: one
 * observance for the offset at the start of the first year of `span`, then one per change of
 * offset until the end of its last year, each with its onset in the local time of the offset
 * before it (§3.8.3.3 and §3.8.3.4). Written from the zone data the bot runs with, so that an
 * application that does not know the zone's name still places the meeting at the right instant.
 */
export function vtimezone(zone: string, span: ZoneSpan): string[] {
  const iana = IANAZone.create(zone);
  const from = DateTime.fromMillis(span.from, { zone: 'utc' }).startOf('year').toMillis();
  const to = DateTime.fromMillis(span.to, { zone: 'utc' }).endOf('year').toMillis();
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const first = iana.offset(from);
  lines.push(...observance(zone, from, first, first));
  let before = first;
  for (let day = from; day < to; day += DAY_MS) {
    const next = Math.min(day + DAY_MS, to);
    const after = iana.offset(next);
    if (after === before) continue;
    const change = changeInstant(iana, day, next, before);
    lines.push(...observance(zone, change, before, after));
    before = after;
  }
  lines.push('END:VTIMEZONE');
  return lines;
}

/** The first minute in (`low`, `high`] whose offset is no longer `before`. */
function changeInstant(iana: IANAZone, low: number, high: number, before: number): number {
  let [lo, hi] = [low, high];
  while (hi - lo > MINUTE_MS) {
    const middle = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (iana.offset(middle) === before) lo = middle;
    else hi = middle;
  }
  return hi;
}

/** One observance: DAYLIGHT when the zone is on summer time from `at`, else STANDARD. */
function observance(zone: string, at: number, fromMinutes: number, toMinutes: number): string[] {
  const kind = DateTime.fromMillis(at, { zone }).isInDST ? 'DAYLIGHT' : 'STANDARD';
  const onset = DateTime.fromMillis(at + fromMinutes * MINUTE_MS, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss");
  return [
    `BEGIN:${kind}`,
    `DTSTART:${onset}`,
    `TZOFFSETFROM:${utcOffset(fromMinutes)}`,
    `TZOFFSETTO:${utcOffset(toMinutes)}`,
    `END:${kind}`,
  ];
}

/** RFC 5545's UTC-OFFSET: `+0100`, `-0430`. */
function utcOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}
