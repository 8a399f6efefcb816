import { defineCommand, type CommandContext } from '../src/commands/command.js';
import { nextSteeringMeeting, steeringMeetingsOfYear, type SteeringMeeting } from '../src/domain/meetings.js';
import { meetingInFull, meetingTitle } from '../src/presenters/meeting.js';
import { usageReply } from '../src/presenters/usage.js';
import { reply } from '../src/reply/reply.js';

const QUARTER_THEN_YEAR = /^q([1-4])(?:\s+(\d{4}))?$/i;
const YEAR_THEN_QUARTER = /^(\d{4})\s*-?\s*q([1-4])$/i;
const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * `agenda [next|Q1..Q4|Q1 2027|YYYY-MM]`: a steering-committee meeting (the next one by default)
 * with its date or week, format, place and agenda. Works for any year, from the quarterly rule.
 */
export default defineCommand({
  name: 'agenda',
  aliases: ['meeting', 'steering-committee'],
  options: [{ name: 'meeting', type: 'meeting', required: false }],
  permission: 'everyone',
  handle(ctx, argument) {
    const found = pickMeeting(ctx, argument.trim());
    if (found === 'invalid') return usageReply(ctx, 'agenda');
    if (found === undefined) return reply('empty', ctx.t('agenda.noneInMonth', { month: argument.trim() }), [{ type: 'text', text: ctx.t('agenda.quarterlyRule') }]);
    return reply('ok', meetingTitle(ctx, found), meetingInFull(ctx, found));
  },
});

function pickMeeting(ctx: CommandContext, argument: string): SteeringMeeting | undefined | 'invalid' {
  const currentYear = Number(ctx.today.slice(0, 4));
  if (argument === '' || /^(next|prochaine?|pr[oó]xima)$/i.test(argument)) return nextSteeringMeeting(ctx.kb, ctx.today);
  const quarterFirst = QUARTER_THEN_YEAR.exec(argument);
  const yearFirst = YEAR_THEN_QUARTER.exec(argument);
  if (quarterFirst || yearFirst) {
    const quarter = Number(quarterFirst ? quarterFirst[1] : yearFirst![2]);
    const year = Number(quarterFirst ? (quarterFirst[2] ?? currentYear) : yearFirst![1]);
    return steeringMeetingsOfYear(ctx.kb, year).find((m) => m.quarter === quarter);
  }
  const month = YEAR_MONTH.exec(argument);
  if (month) {
    const key = `${month[1]}-${month[2]}`;
    return steeringMeetingsOfYear(ctx.kb, Number(month[1])).find((m) => m.when.start.slice(0, 7) <= key && key <= m.when.end.slice(0, 7));
  }
  return 'invalid';
}
