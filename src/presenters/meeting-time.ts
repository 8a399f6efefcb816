import { Duration } from 'luxon';
import type { WeekOfMonth } from '../catalog/schema.js';
import type { IndexedEvent } from '../domain/knowledge-base.js';
import { meetingStart, type MeetingSchedule, type SteeringMeeting } from '../domain/meetings.js';
import { formatMonth } from '../i18n/format-date.js';
import type { MessageKey } from '../i18n/message-keys.js';
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

/** "14:00–16:00 (Europe/Paris)", or "14:00 (Asia/Seoul)" without a duration; undefined without a time. */
export function meetingTimeText(ctx: PresenterContext, day: string, schedule: MeetingSchedule): string | undefined {
  const start = meetingStart(day, schedule, ctx.kb.catalog.settings.timeZone);
  if (!start) return undefined;
  const end = schedule.duration ? start.plus(Duration.fromISO(schedule.duration)) : undefined;
  const time = end ? `${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}` : start.toFormat('HH:mm');
  return ctx.t('meeting.time', { time, zone: start.zoneName ?? '' });
}

/** The lines a settled meeting adds: its time with its zone, and "Join: https://…". */
export function scheduleLines(ctx: PresenterContext, day: string, schedule: MeetingSchedule): string[] {
  const time = meetingTimeText(ctx, day, schedule);
  return [...(time ? [time] : []), ...(schedule.link ? [ctx.t('meeting.join', { link: schedule.link })] : [])];
}

/** The same, as fields of a meeting in full. */
export function scheduleFields(
  ctx: PresenterContext,
  day: string,
  schedule: MeetingSchedule,
): { label: string; value: string }[] {
  const time = meetingTimeText(ctx, day, schedule);
  return [
    ...(time ? [{ label: ctx.t('field.time'), value: time }] : []),
    ...(schedule.link ? [{ label: ctx.t('field.join'), value: schedule.link }] : []),
  ];
}
