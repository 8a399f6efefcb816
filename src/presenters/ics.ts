import { Duration, type DateTime } from 'luxon';
import type { PresenterContext } from './presenter-context.js';
import { caveatsFor } from '../domain/caveats.js';
import { shiftDay } from '../domain/event-queries.js';
import { labelled } from '../i18n/typography.js';
import type { EventDate } from '../domain/event-date.js';
import type { IndexedEvent } from '../domain/indexed-event.js';
import { otherVersionLine } from './event.js';
import { ruleWeekText } from './meeting-time.js';
import { meetingStart } from '../domain/meetings.js';
import { formatPlace } from './place.js';
import { vtimezone, type ZoneSpan } from './ics-time-zones.js';

/**
 * The events as an iCalendar file (RFC 5545): all-day events, tentative unless confirmed. An event
 * known only by its month or half-year spans that period and says so; a rule meeting spans its
 * week and says so. A meeting with a start time is timed in its own zone (`TZID`, with the zone's
 * VTIMEZONE), and its join link is its URL.
 *
 * No METHOD: RFC 5546 makes METHOD:PUBLISH require an ORGANIZER, and the seed names no organiser's
 * address. A plain calendar file without METHOD is what importing applications expect anyway.
 */
export function toICalendar(ctx: PresenterContext, events: readonly IndexedEvent[], stamp: DateTime): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//GSEF//gsef-bot//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(ctx.t('calendar.name'))}`,
  ];
  const dtstamp = stamp.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
  const zones = new Map<string, ZoneSpan>();
  const vevents: string[] = [];
  for (const indexed of events) {
    const { event } = indexed;
    const schedule = indexed.meeting?.meeting.schedule;
    const description = [
      imprecisionNote(ctx, indexed),
      indexed.calendarRow && event.title.fr !== event.title[ctx.lang]
        ? labelled(ctx.lang, ctx.t('field.originalTitle'), event.title.fr)
        : '',
      ...event.otherVersions.map((v) => otherVersionLine(ctx, v)),
      ...caveatsFor(ctx.kb, [event.when]).map((caveat) => caveat.text[ctx.lang]),
    ].filter(Boolean);
    vevents.push(
      'BEGIN:VEVENT',
      `UID:${event.id}@gsef-bot`,
      `DTSTAMP:${dtstamp}`,
      // A corrected date must replace the one a calendar application imported, and applications
      // replace an event of the same UID when its SEQUENCE is higher. Nothing derived from the
      // event's content rises with each correction (a hash is stable but not monotonic), and the
      // data keeps no date of change (file times are those of the checkout): so the number is
      // kept in the data, as the event's `revision`, raised by whoever corrects the event.
      `SEQUENCE:${sequence(indexed)}`,
      ...dates(ctx, indexed, zones),
      `SUMMARY:${escapeText(summary(ctx, event.title[ctx.lang], indexed))}`,
      `LOCATION:${escapeText(formatPlace(ctx, event.place))}`,
      ...(description.length > 0 ? [`DESCRIPTION:${escapeText(description.join('\n'))}`] : []),
      `CATEGORIES:${escapeText(ctx.t(`category.${event.category}`))}`,
      `STATUS:${indexed.confirmed ? 'CONFIRMED' : 'TENTATIVE'}`,
      ...(schedule?.link ? [`URL:${schedule.link}`] : []),
      // A timed meeting takes the attendee's time; an all-day span is only a reminder of the period.
      schedule?.time ? 'TRANSP:OPAQUE' : 'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  for (const [zone, span] of zones) lines.push(...vtimezone(zone, span));
  lines.push(...vevents, 'END:VCALENDAR');
  // Every line, the last one included, ends with CRLF (RFC 5545 §3.1): exactly one at the end.
  return lines.map(fold).join('\r\n') + '\r\n';
}

/**
 * The event's SEQUENCE. A calendar row's is its `revision`. A meeting's also rises when it is
 * dated (the rule's week becomes its own days) and when it is confirmed (its time and link come),
 * the two changes every meeting goes through; `revision` counts corrections after them.
 */
function sequence(indexed: IndexedEvent): number {
  const statutory = indexed.meeting;
  if (!statutory) return indexed.event.revision;
  const { schedule } = statutory.meeting;
  const settled = schedule.revision + Number(schedule.confirmed);
  if (indexed.calendarRow) return indexed.event.revision + settled;
  // An advisors' meeting is dated from the start: only a steering-committee meeting leaves the rule.
  const dated = statutory.body === 'steering-committee' && statutory.meeting.dated;
  return settled + Number(dated);
}

/**
 * DTSTART and DTEND: all-day dates, or a timed meeting's start (and end, given its duration) in
 * its own zone, noted in `zones` for its VTIMEZONE.
 */
function dates(ctx: PresenterContext, indexed: IndexedEvent, zones: Map<string, ZoneSpan>): string[] {
  const { when } = indexed.event;
  const schedule = indexed.meeting?.meeting.schedule;
  const start = schedule ? meetingStart(when.start, schedule, ctx.kb.catalog.settings.timeZone) : undefined;
  if (start?.isValid && start.zoneName && schedule) {
    const zone = start.zoneName;
    // Without a duration the meeting has no end the data knows: RFC 5545 lets DTEND be left out.
    const end = schedule.duration ? start.plus(Duration.fromISO(schedule.duration)) : undefined;
    const span = zones.get(zone);
    const [from, to] = [start.toMillis(), (end ?? start).toMillis()];
    zones.set(zone, { from: Math.min(from, span?.from ?? from), to: Math.max(to, span?.to ?? to) });
    const local = (time: DateTime) => `;TZID=${zone}:${time.toFormat("yyyyMMdd'T'HHmmss")}`;
    return [`DTSTART${local(start)}`, ...(end ? [`DTEND${local(end)}`] : [])];
  }
  // DTEND of an all-day event is the day after the last one (exclusive).
  return [`DTSTART;VALUE=DATE:${compact(when.start)}`, `DTEND;VALUE=DATE:${compact(shiftDay(when.end, 1))}`];
}

/** The title, with the period when only the half-year is known, or "date to be confirmed" when the day is not. */
function summary(ctx: PresenterContext, title: string, indexed: IndexedEvent): string {
  const { when } = indexed.event;
  if (indexed.exactDays) return title;
  const period = when.precision === 'half-year' ? ctx.formatDate(when) : ctx.t('calendar.dateToBeConfirmedShort');
  return `${title} (${period})`;
}

/** Why an event spans a whole week, month or half-year: calendar applications show only the span. */
function imprecisionNote(ctx: PresenterContext, indexed: IndexedEvent): string {
  const { meeting, event } = indexed;
  if (meeting?.body === 'steering-committee' && !meeting.meeting.dated)
    return ctx.t('meeting.weekOnly', { week: ruleWeekText(ctx, meeting.meeting), days: ctx.formatDate(event.when) });
  const when: EventDate = event.when;
  switch (when.precision) {
    case 'day':
      return '';
    case 'month':
    case 'month-day-unknown':
      return ctx.t('calendar.dayToBeConfirmed');
    case 'half-year':
      return ctx.t('calendar.halfYearOnly', { period: ctx.formatDate(when) });
  }
}

function compact(isoDay: string): string {
  return isoDay.replaceAll('-', '');
}

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newline are escaped in TEXT values. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** RFC 5545 §3.1: lines longer than 75 octets are folded, never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    const limit = parts.length === 0 ? 75 : 74; // continuation lines start with a space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
