import type { DateTime } from 'luxon';
import type { PresenterContext } from './presenter-context.js';
import { shiftDay } from '../domain/event-queries.js';
import { labelled } from '../i18n/typography.js';
import type { IndexedEvent } from '../domain/knowledge-base.js';
import { otherVersionLine } from './event.js';
import { formatPlace } from './place.js';

/**
 * The events as an iCalendar file (RFC 5545): all-day events, tentative unless confirmed. An event
 * known only by its month spans that month and says its day is to be confirmed.
 */
export function toICalendar(ctx: PresenterContext, events: readonly IndexedEvent[], stamp: DateTime): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//GSEF//gsef-bot//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(ctx.t('calendar.name'))}`,
  ];
  const dtstamp = stamp.toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
  for (const { event } of events) {
    const dayKnown = event.when.precision === 'day';
    const description = [
      dayKnown ? '' : ctx.t('calendar.dayToBeConfirmed'),
      event.title.fr !== event.title[ctx.lang] ? labelled(ctx.lang, ctx.t('field.originalTitle'), event.title.fr) : '',
      ...event.otherVersions.map((v) => otherVersionLine(ctx, v)),
      ctx.kb.catalog.events.caveat[ctx.lang],
    ].filter(Boolean);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.id}@gsef-bot`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${compact(event.when.start)}`,
      // DTEND of an all-day event is the day after the last one (exclusive).
      `DTEND;VALUE=DATE:${compact(shiftDay(event.when.end, 1))}`,
      `SUMMARY:${escapeText(dayKnown ? event.title[ctx.lang] : `${event.title[ctx.lang]} (${ctx.t('calendar.dateToBeConfirmedShort')})`)}`,
      `LOCATION:${escapeText(formatPlace(ctx, event.place))}`,
      `DESCRIPTION:${escapeText(description.join('\n'))}`,
      `CATEGORIES:${escapeText(ctx.t(`category.${event.category}`))}`,
      `STATUS:${event.confirmed ? 'CONFIRMED' : 'TENTATIVE'}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
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
