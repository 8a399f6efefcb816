import { defineCommand, type CommandContext } from '../src/dispatch/command.js';
import type { MeetingChoice } from '../src/dispatch/options.js';
import { nextSteeringMeeting, steeringMeetingsOfYear, type SteeringMeeting } from '../src/domain/meetings.js';
import { formatMonth } from '../src/i18n/format-date.js';
import { meetingInFull, meetingTitle } from '../src/presenters/meeting.js';
import { reply } from '../src/reply/reply.js';

/**
 * `agenda [next|Q1..Q4|Q1 2027|YYYY-MM]`: a steering-committee meeting (the next one by default)
 * with its date or week, format, place and agenda. Works for any year, from the quarterly rule.
 * (`T3` is accepted too: French and Spanish write quarters T1..T4.)
 */
export default defineCommand({
  name: 'agenda',
  aliases: ['meeting', 'steering-committee'],
  options: [{ name: 'meeting', type: 'meeting', required: false }],
  permission: 'everyone',
  readOnly: true,
  handle(ctx, { meeting }) {
    const found = findMeeting(ctx, meeting);
    if (found) return reply('ok', meetingTitle(ctx, found), meetingInFull(ctx, found));
    const year = meeting.year ?? thisYear(ctx);
    const period = meeting.month === undefined ? String(year) : formatMonth(year, meeting.month, ctx.lang);
    return reply('empty', ctx.t('agenda.noneInMonth', { month: period }), [
      { type: 'text', text: ctx.t('agenda.quarterlyRule') },
    ]);
  },
});

/**
 * The meeting of a quarter or a month (this year's unless another is named), else the next one of
 * the format named (the face-to-face one), else the next one (of a year, if named).
 */
function findMeeting(
  ctx: CommandContext,
  { quarter, year, month, format }: MeetingChoice,
): SteeringMeeting | undefined {
  if (format !== undefined && quarter === undefined && month === undefined) {
    const ofFormat = steeringMeetingsOfYear(ctx.kb, year ?? thisYear(ctx)).filter((m) => m.format === format);
    return ofFormat.find((m) => m.when.end >= ctx.today) ?? ofFormat[0];
  }
  if (quarter === undefined && month === undefined) {
    if (year === undefined) return nextSteeringMeeting(ctx.kb, ctx.today);
    const ofYear = steeringMeetingsOfYear(ctx.kb, year);
    return ofYear.find((m) => m.when.end >= ctx.today) ?? ofYear[0];
  }
  const meetings = steeringMeetingsOfYear(ctx.kb, year ?? thisYear(ctx));
  if (quarter !== undefined) return meetings.find((m) => m.quarter === quarter);
  const key = `${year ?? thisYear(ctx)}-${String(month).padStart(2, '0')}`;
  return meetings.find((m) => m.when.start.slice(0, 7) <= key && key <= m.when.end.slice(0, 7));
}

function thisYear(ctx: CommandContext): number {
  return Number(ctx.today.slice(0, 4));
}
