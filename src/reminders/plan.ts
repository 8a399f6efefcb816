import { DateTime, Duration } from 'luxon';
import type { ReminderSettings, ReminderTarget } from '../catalog/schema.js';
import type { KnowledgeBase } from '../domain/knowledge-base.js';
import { meetingStart, steeringMeetingsOfYear, type SteeringMeeting } from '../domain/meetings.js';

/** One reminder for one channel: when it is due, and of which meeting. */
export interface PlannedReminder {
  /**
   * What makes it unique, for posting it exactly once: the meeting, the day it starts (so that a
   * meeting moved in the data gets reminders for its new day), the offset and the channel.
   */
  key: string;
  at: DateTime;
  meeting: SteeringMeeting;
  /** The meeting's first day (ISO); for a meeting known only by its week, the week's first day. */
  meetingStart: string;
  /** When the meeting begins in the target's zone: a late reminder is only worth posting before it. */
  meetingBegins: DateTime;
  /** True when the data gives the meeting's own day, false when only the rule's week is known. */
  dateConfirmed: boolean;
  /** ISO 8601 duration before the meeting: P14D. */
  offset: string;
  target: ReminderTarget;
}

/**
 * The reminders due in [from, to): for every steering-committee meeting, one per configured offset
 * and target, at the configured time of day in the target's zone (the secretariat's by default).
 * Pure: the meetings come from the knowledge base, for any year (dated occurrences first, else
 * the quarterly rule), and nothing is read or written.
 */
export function planReminders(
  kb: KnowledgeBase,
  settings: ReminderSettings,
  defaultZone: string,
  from: DateTime,
  to: DateTime,
): PlannedReminder[] {
  const [hour, minute] = settings.time.split(':').map(Number) as [number, number];
  const longestOffset = Math.max(...settings.offsets.map((o) => Duration.fromISO(o).as('days')));
  // A reminder in the window belongs to a meeting up to the longest offset after it.
  const years: number[] = [];
  for (let year = from.year - 1; year <= to.plus({ days: longestOffset }).year; year++) years.push(year);

  const planned: PlannedReminder[] = [];
  for (const meeting of years.flatMap((year) => steeringMeetingsOfYear(kb, year))) {
    for (const target of settings.targets) {
      const zone = target.timeZone ?? defaultZone;
      // A timed meeting begins at its time (in its own zone); another, at the start of its first day.
      const meetingBegins =
        meetingStart(meeting.when.start, meeting.schedule, defaultZone)?.setZone(zone) ??
        DateTime.fromISO(meeting.when.start, { zone });
      const meetingTime = DateTime.fromISO(meeting.when.start, { zone }).set({ hour, minute });
      for (const offset of settings.offsets) {
        // Wall-clock arithmetic: 14 days before 09:00 is 09:00, even across a daylight-saving change.
        const at = meetingTime.minus(Duration.fromISO(offset));
        if (at < from || at >= to) continue;
        planned.push({
          key: `${meeting.id}@${meeting.when.start}/${offset}/${target.platform}:${target.channel}`,
          at,
          meeting,
          meetingStart: meeting.when.start,
          meetingBegins,
          dateConfirmed: meeting.dated,
          offset,
          target,
        });
      }
    }
  }
  return planned.sort((a, b) => a.at.toMillis() - b.at.toMillis() || a.key.localeCompare(b.key));
}
