import { defineCommand } from '../src/dispatch/command.js';
import { chosenMeeting } from '../src/domain/meetings.js';
import { attendanceSheet } from '../src/meeting-desk/attendance-sheet.js';
import { attendanceBlocks, attendanceCsv } from '../src/presenters/attendance.js';
import { meetingTitle, noMeetingFound } from '../src/presenters/meeting.js';
import { reply } from '../src/reply/reply.js';

/**
 * `attendance [meeting] [--csv]`: who will attend a steering-committee meeting (the next one by
 * default), who sent regrets, who is not sure and who has not answered; with `--csv`, the same as
 * a CSV file for the secretariat's records.
 */
export default defineCommand({
  name: 'attendance',
  aliases: ['rsvps', 'présence', 'asistencia'],
  options: [
    { name: 'meeting', type: 'meeting', required: false },
    { name: 'csv', type: 'flag', required: false },
  ],
  permission: 'everyone',
  readOnly: true,
  async handle(ctx, { meeting: choice, csv }) {
    const meeting = chosenMeeting(ctx.kb, ctx.today, choice);
    if (!meeting) return { ...noMeetingFound(ctx, choice, ctx.today), ...(csv ? { fileExpected: true } : {}) };
    const rows = await attendanceSheet(ctx.kb, ctx.attendance, ctx.people, meeting.id);
    const title = ctx.t('attendance.title', { meeting: meetingTitle(ctx, meeting) });
    if (!csv) return reply('ok', title, attendanceBlocks(ctx, rows));
    return {
      ...reply('ok', title, [{ type: 'text', text: ctx.t('attendance.csvFile', { count: rows.length }) }]),
      fileExpected: true,
      attachment: {
        filename: `gsef-attendance-${meeting.id}.csv`,
        mediaType: 'text/csv',
        content: attendanceCsv(ctx, meeting, rows),
      },
    };
  },
});
