import { Duration, type DateTime } from 'luxon';
import type { WeekOfMonth } from '../catalog/schema.js';
import type { IndexedEvent } from '../domain/indexed-event.js';
import { meetingStart, type MeetingSchedule, type SteeringMeeting } from '../domain/meetings.js';
import { formatMonth, formatWeekday } from '../i18n/format-date.js';
import type { MessageKey } from '../i18n/message-keys.js';
import type { ReplyText, ReplyTime } from '../reply/reply.js';
import type { PresenterContext } from './presenter-context.js';

/** "last week of {month}", "second week of {month}": the rule's week of a month, by its data value. */
const WEEK_KEYS: Record<WeekOfMonth, MessageKey> = {
  last: 'meeting.week.last',
  1: 'meeting.week.1',
  2: 'meeting.week.2',
  3: 'meeting.week.3',
  4: 'meeting.week.4',
};

/** "last week of January 2027": the week the rule gives a meeting. */
export function ruleWeekText(ctx: PresenterContext, meeting: SteeringMeeting): string {
  return ctx.t(WEEK_KEYS[meeting.ruleWeek.week], {
    month: formatMonth(meeting.year, meeting.ruleWeek.month, ctx.lang),
  });
}

/**
 * An event's date as precisely as it is known: a rule meeting's week, "date to be confirmed"
 * (its `when` spans the week only so that it can be filtered and sorted), else the date.
 */
export function eventDateText(ctx: PresenterContext, indexed: IndexedEvent): string {
  const statutory = indexed.meeting;
  if (statutory?.body === 'steering-committee' && !statutory.meeting.dated)
    return ctx.t('meeting.weekToBeConfirmed', { week: ruleWeekText(ctx, statutory.meeting) });
  return ctx.formatDate(indexed.event.when);
}

/**
 * A timed meeting's time, for each platform to show in its reader's zone (see ReplyTime): the
 * organiser's "14:00–16:00 (Europe/Paris)", and for one reader in another zone, their day and time
 * ("Thursday, 14 January 2027, 22:00–00:00 (Asia/Seoul)") with the organiser's alongside.
 * Undefined without a time.
 */
export function meetingTime(ctx: PresenterContext, day: string, schedule: MeetingSchedule): ReplyTime | undefined {
  const start = meetingStart(day, schedule, ctx.kb.catalog.settings.timeZone);
  if (!start?.isValid) return undefined;
  const end = schedule.duration ? start.plus(Duration.fromISO(schedule.duration)) : undefined;
  const organiser = zoned(ctx, span(start, end), start);
  const readerZone = ctx.readerZone !== undefined && ctx.readerZone !== start.zoneName ? ctx.readerZone : undefined;
  // Where the reader's zone is unknown, the chat tokens' fallback is the organiser's time, dated.
  const shownStart = readerZone ? start.setZone(readerZone) : start;
  const shownEnd = end?.setZone(shownStart.zone);
  const dated = `${formatWeekday(shownStart.toISODate() ?? day, ctx.lang)}, `;
  const fallback = shownEnd
    ? { start: `${dated}${shownStart.toFormat('HH:mm')}`, end: zoned(ctx, shownEnd.toFormat('HH:mm'), shownEnd) }
    : { start: zoned(ctx, `${dated}${shownStart.toFormat('HH:mm')}`, shownStart) };
  const text = readerZone
    ? ctx.t('timeZone.readerAndOrganiser', {
        reader: zoned(ctx, `${dated}${span(shownStart, shownEnd)}`, shownStart),
        organiser,
      })
    : organiser;
  return {
    type: 'time',
    start: start.toMillis(),
    ...(end ? { end: end.toMillis() } : {}),
    organiser,
    fallback,
    text,
  };
}

/** "14:00–16:00", or "14:00" without an end. */
function span(start: DateTime, end: DateTime | undefined): string {
  return end ? `${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}` : start.toFormat('HH:mm');
}

/** A time with the zone it is in: "14:00–16:00 (Europe/Paris)". */
function zoned(ctx: PresenterContext, time: string, at: DateTime): string {
  return ctx.t('meeting.time', { time, zone: at.zoneName ?? '' });
}

/** The lines a settled meeting adds: its time with its zone, and "Join: https://…". */
export function scheduleLines(ctx: PresenterContext, day: string, schedule: MeetingSchedule): ReplyText[] {
  const time = meetingTime(ctx, day, schedule);
  return [...(time ? [time] : []), ...(schedule.link ? [ctx.t('meeting.join', { link: schedule.link })] : [])];
}

/** The same, as fields of a meeting in full. */
export function scheduleFields(
  ctx: PresenterContext,
  day: string,
  schedule: MeetingSchedule,
): { label: string; value: ReplyText }[] {
  const time = meetingTime(ctx, day, schedule);
  return [
    ...(time ? [{ label: ctx.t('field.time'), value: time }] : []),
    ...(schedule.link ? [{ label: ctx.t('field.join'), value: schedule.link }] : []),
  ];
}
