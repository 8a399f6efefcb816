import { Duration } from 'luxon';
import type { Lang } from '../domain/vocabulary.js';
import type { PresenterContext } from '../presenters/presenter-context.js';
import { meetingDate, meetingPlace, meetingTitle } from '../presenters/meeting.js';
import { agendaBlock, prepareText } from '../presenters/meeting-agenda.js';
import { scheduleFields } from '../presenters/meeting-time.js';
import { otherVersionLine } from '../presenters/event.js';
import type { Reply, ReplyBlock } from '../reply/reply.js';
import { inLanguages } from '../presenters/in-languages.js';
import type { SheetRow } from '../meeting-desk/attendance-sheet.js';
import { attendanceBlocks, rsvpActions } from '../presenters/attendance.js';
import type { AgendaProposal } from '../meeting-desk/agenda-proposals.js';
import { acceptedProposalsBlocks } from '../presenters/agenda-proposals.js';
import type { PlannedReminder } from './plan.js';

/** What the meeting desk adds to the last reminders before a meeting. */
export interface ReminderDesk {
  /** Who has answered what so far. */
  attendance?: readonly SheetRow[];
  /** The members' proposals accepted for the agenda, after its standing items. */
  accepted?: readonly AgendaProposal[];
}

/** The reminders this many days or fewer before a meeting show who will attend, and the final agenda. */
const ATTENDANCE_WITHIN_DAYS = 3;

/** Whether `reminder` is one of the last before its meeting, which show the attendance so far. */
export function showsAttendance(reminder: PlannedReminder): boolean {
  return Duration.fromISO(reminder.offset).as('days') <= ATTENDANCE_WITHIN_DAYS;
}

/**
 * The reminder message: meeting and quarter, date or week (and time and link once set), format
 * and place, the meeting's agenda (its own, else its year's, else "not set yet") and what to
 * prepare from it, how to say whether one will attend, and (given `attendance`) who has answered
 * what so far, in each of the target's languages (one after the other in one message), with the
 * buttons to answer. The bot posts it itself, on nobody's behalf: `locales` gives its words in
 * each language.
 */
export function reminderReply(
  locales: { inLanguage(lang: Lang): PresenterContext },
  reminder: PlannedReminder,
  late: boolean,
  { attendance, accepted = [] }: ReminderDesk = {},
): Reply {
  const days = Duration.fromISO(reminder.offset).as('days');
  const message = inLanguages(reminder.target.languages, (lang) => {
    const ctx = locales.inLanguage(lang);
    const meeting = { body: 'steering-committee' as const, meeting: reminder.meeting };
    const title = ctx.t('reminder.title', { meeting: meetingTitle(ctx, reminder.meeting), count: days });
    const blocks: ReplyBlock[] = [
      {
        type: 'fields',
        lang,
        fields: [
          { label: ctx.t('field.date'), value: meetingDate(ctx, reminder.meeting) },
          ...scheduleFields(ctx, reminder.meeting.when.start, reminder.meeting.schedule),
          { label: ctx.t('field.format'), value: meetingPlace(ctx, reminder.meeting) },
        ],
      },
      ...reminder.meeting.otherVersions.map((v): ReplyBlock => ({ type: 'note', text: otherVersionLine(ctx, v) })),
      agendaBlock(ctx, meeting),
      ...acceptedProposalsBlocks(ctx, accepted),
      { type: 'text', text: prepareText(ctx, meeting) },
      ...(attendance
        ? [{ type: 'text', text: ctx.t('attendance.reminderHeading') } as const, ...attendanceBlocks(ctx, attendance)]
        : []),
      // Typed bare at the console, as the chat platforms' slash command elsewhere.
      {
        type: 'text',
        text: ctx.t('attendance.howToAnswer', { cmd: reminder.target.platform === 'console' ? '' : '/gsef ' }),
      },
    ];
    if (late) blocks.unshift({ type: 'note', text: ctx.t('reminder.late') });
    return { title, blocks };
  });
  const contexts = reminder.target.languages.map((lang) => locales.inLanguage(lang));
  return { ...message, actions: rsvpActions(contexts, reminder.meeting) };
}
