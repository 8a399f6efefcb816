import { DateTime } from 'luxon';

/**
 * When something happens, as precisely as the seed knows it.
 *
 * The seed dates activities in several ways, and the bot must not pretend to know more than it
 * does: a day or a day range (`13-17 Mai`, `30-05 Avril/Mai`), a month whose day is still unknown
 * (`? Février`), a month alone (`Mars`), or half a year (`2ème semestre`). `start` and `end` are
 * ISO calendar days (`YYYY-MM-DD`, inclusive): they compare correctly as strings, which keeps
 * queries cheap. For the imprecise kinds they span the whole month or half-year.
 */
export type EventDate =
  | { precision: 'day'; start: string; end: string }
  | { precision: 'month-day-unknown'; start: string; end: string; year: number; month: number }
  | { precision: 'month'; start: string; end: string; year: number; month: number }
  | { precision: 'half-year'; start: string; end: string; year: number; half: 1 | 2 };

/** The written forms, one per precision; the YAML files use them and the schema documents them. */
export const EVENT_DATE_FORMS =
  'YYYY-MM-DD, YYYY-MM-DD/YYYY-MM-DD, YYYY-MM-?? (day unknown), YYYY-MM (month alone) or YYYY-H1/YYYY-H2';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const MONTH_DAY_UNKNOWN = /^(\d{4})-(\d{2})-\?\?$/;
const HALF_YEAR = /^(\d{4})-H([12])$/;

/** Parses one of {@link EVENT_DATE_FORMS}; returns an error message instead of throwing. */
export function parseEventDate(text: string): EventDate | { error: string } {
  const range = text.split('/');
  if (range.length === 2) {
    const [from, to] = range as [string, string];
    const start = checkDay(from);
    const end = checkDay(to);
    if (typeof start !== 'string') return start;
    if (typeof end !== 'string') return end;
    if (end < start) return { error: `the range ${text} ends before it starts` };
    return { precision: 'day', start, end };
  }
  if (DAY.test(text)) {
    const day = checkDay(text);
    return typeof day === 'string' ? { precision: 'day', start: day, end: day } : day;
  }
  const monthMatch = MONTH.exec(text) ?? MONTH_DAY_UNKNOWN.exec(text);
  if (monthMatch) {
    const year = Number(monthMatch[1]);
    const month = Number(monthMatch[2]);
    const first = DateTime.fromObject({ year, month, day: 1 });
    if (!first.isValid) return { error: `${text} is not a real month` };
    const span = { start: isoDay(first), end: isoDay(first.endOf('month')), year, month };
    return MONTH.test(text) ? { precision: 'month', ...span } : { precision: 'month-day-unknown', ...span };
  }
  const halfMatch = HALF_YEAR.exec(text);
  if (halfMatch) {
    const year = Number(halfMatch[1]);
    const half = Number(halfMatch[2]) as 1 | 2;
    const first = DateTime.fromObject({ year, month: half === 1 ? 1 : 7, day: 1 });
    return {
      precision: 'half-year',
      start: isoDay(first),
      end: isoDay(first.plus({ months: 6 }).minus({ days: 1 })),
      year,
      half,
    };
  }
  return { error: `"${text}" is not a date; write ${EVENT_DATE_FORMS}` };
}

function checkDay(text: string): string | { error: string } {
  if (!DAY.test(text)) return { error: `"${text}" is not a day; write YYYY-MM-DD` };
  const day = DateTime.fromISO(text);
  return day.isValid ? text : { error: `${text} is not a real day` };
}

/** The ISO calendar day of a luxon date, in the zone it carries. */
export function isoDay(date: DateTime): string {
  return date.toISODate() ?? '';
}
