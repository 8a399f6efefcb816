import { defineCommand, type CommandContext } from '../src/dispatch/command.js';
import { nextSteeringMeeting, steeringMeetingsOfYear, type SteeringMeeting } from '../src/domain/meetings.js';
import { meetingInFull, meetingTitle } from '../src/presenters/meeting.js';
import { usageReply } from '../src/presenters/usage.js';
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
  handle(ctx, argument) {
    const found = pickMeeting(ctx, argument.trim());
    if (found === 'invalid') return usageReply(ctx, 'agenda');
    if (found === undefined)
      return reply('empty', ctx.t('agenda.noneInMonth', { month: argument.trim() }), [
        { type: 'text', text: ctx.t('agenda.quarterlyRule') },
      ]);
    return reply('ok', meetingTitle(ctx, found), meetingInFull(ctx, found));
  },
});

/**
 * Reads which meeting is meant: a quarter (`Q3`, with or without a year), a month (`2027-01`) or
 * nothing (the next one). Other words are ignored, so that a question such as "what is the agenda
 * for Q3?" works; a quarter or month that does not exist is refused.
 */
function pickMeeting(ctx: CommandContext, argument: string): SteeringMeeting | undefined | 'invalid' {
  const tokens = argument
    .toLowerCase()
    .split(/[\s,;:!?¿¡.]+/)
    .filter(Boolean);
  let quarter: number | undefined;
  let year: number | undefined;
  let month: number | undefined;
  for (const token of tokens) {
    const q = /^[qt](\d+)$/.exec(token);
    const ym = /^(\d{4})-(\d{1,2})$/.exec(token);
    if (q) {
      quarter = Number(q[1]);
      if (quarter < 1 || quarter > 4) return 'invalid';
    } else if (ym) {
      year = Number(ym[1]);
      month = Number(ym[2]);
      if (month < 1 || month > 12) return 'invalid';
    } else if (/^\d{4}$/.test(token)) {
      year = Number(token);
    } else if (/^\d+$/.test(token)) {
      return 'invalid';
    }
  }
  if (quarter === undefined && month === undefined) {
    if (year === undefined) return nextSteeringMeeting(ctx.kb, ctx.today);
    const ofYear = steeringMeetingsOfYear(ctx.kb, year);
    return ofYear.find((m) => m.when.end >= ctx.today) ?? ofYear[0];
  }
  const meetings = steeringMeetingsOfYear(ctx.kb, year ?? Number(ctx.today.slice(0, 4)));
  if (quarter !== undefined) return meetings.find((m) => m.quarter === quarter);
  const key = `${year}-${String(month).padStart(2, '0')}`;
  return meetings.find((m) => m.when.start.slice(0, 7) <= key && key <= m.when.end.slice(0, 7));
}
