import { defineCommand } from '../src/dispatch/command.js';
import { advisorsMeetingsOfYear, steeringMeetingsOfYear } from '../src/domain/meetings.js';
import { meetingItem } from '../src/presenters/meeting.js';
import { formatPlace } from '../src/presenters/place.js';
import { reply, type ReplyBlock } from '../src/reply/reply.js';

/** `meetings [YYYY]`: the statutory meetings of a year: the steering committee's four and the advisors'. */
export default defineCommand({
  name: 'meetings',
  aliases: ['statutory'],
  options: [{ name: 'year', type: 'year', required: false }],
  permission: 'everyone',
  readOnly: true,
  handle(ctx, { year = Number(ctx.today.slice(0, 4)) }) {
    const { steeringCommittee, advisors } = ctx.kb.catalog.meetings;
    const blocks: ReplyBlock[] = [
      {
        type: 'list',
        heading: steeringCommittee.name[ctx.lang],
        items: steeringMeetingsOfYear(ctx.kb, year).map((m) => meetingItem(ctx, m)),
      },
    ];
    const advisorsMeetings = advisorsMeetingsOfYear(ctx.kb, year);
    blocks.push(
      advisorsMeetings.length > 0
        ? {
            type: 'list',
            heading: `${advisors.name[ctx.lang]} (${advisors.frequency[ctx.lang]})`,
            items: advisorsMeetings.map((m) => ({
              title: ctx.formatDate(m.when),
              details: [formatPlace(ctx, m.place)],
            })),
          }
        : {
            type: 'text',
            text: ctx.t('meetings.advisorsToBeConfirmed', {
              name: advisors.name[ctx.lang],
              frequency: advisors.frequency[ctx.lang],
              year,
            }),
          },
    );
    blocks.push({ type: 'note', text: ctx.t('meetings.ruleNote') });
    return reply('ok', ctx.t('meetings.title', { year }), blocks);
  },
});
