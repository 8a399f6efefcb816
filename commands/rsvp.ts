import { defineCommand } from '../src/dispatch/command.js';
import { chosenComingMeeting } from '../src/domain/meetings.js';
import { ATTENDANCE_ANSWERS } from '../src/domain/vocabulary.js';
import { respondentOf } from '../src/meeting-desk/attendance.js';
import { answerName, answeredBy, respondentName } from '../src/presenters/attendance.js';
import { meetingTitle, noMeetingFound } from '../src/presenters/meeting.js';
import { reply } from '../src/reply/reply.js';

/**
 * `rsvp yes|no|maybe [meeting]`: whether the asker's member organisation (or the asker, as an
 * advisor) will attend a steering-committee meeting, the next one by default. The reminders'
 * buttons run it. The latest answer for a member counts, whichever of its representatives gave it.
 */
export default defineCommand({
  name: 'rsvp',
  aliases: [],
  options: [
    { name: 'answer', type: 'choice', choices: ATTENDANCE_ANSWERS, required: true },
    { name: 'meeting', type: 'meeting', required: false },
  ],
  permission: 'everyone',
  readOnly: false,
  async handle(ctx, { answer, meeting: choice }) {
    const meeting = chosenComingMeeting(ctx.kb, ctx.today, choice, { notBegun: false });
    if (!meeting) return noMeetingFound(ctx, choice, ctx.today);
    const title = meetingTitle(ctx, meeting);
    if (meeting.when.end < ctx.today) return reply('invalid', ctx.t('attendance.past', { meeting: title }));
    const person = { platform: ctx.asker.platform, id: ctx.asker.id };
    const respondent = respondentOf(person, await ctx.people.grantsOf(person));
    if (!respondent) return reply('invalid', ctx.t('attendance.notAllowed'));
    const { previous } = await ctx.attendance.answer(meeting.id, respondent, answer, person, ctx.now.toJSDate());
    const recorded = ctx.t('attendance.recorded', {
      respondent: respondentName(ctx, respondent),
      answer: answerName(ctx, answer),
      meeting: title,
    });
    return reply(
      'ok',
      recorded,
      previous && previous.answer !== answer
        ? [
            {
              type: 'note',
              text: ctx.t('attendance.replaces', {
                answer: answerName(ctx, previous.answer),
                given: answeredBy(ctx, previous),
              }),
            },
          ]
        : [],
    );
  },
});
