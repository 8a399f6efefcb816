import { defineCommand } from '../src/dispatch/command.js';
import { chosenMeeting } from '../src/domain/meetings.js';
import { meetingInFull, meetingTitle, noMeetingFound } from '../src/presenters/meeting.js';
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
    const found = chosenMeeting(ctx.kb, ctx.today, meeting);
    return found
      ? reply('ok', meetingTitle(ctx, found), meetingInFull(ctx, found))
      : noMeetingFound(ctx, meeting, ctx.today);
  },
});
