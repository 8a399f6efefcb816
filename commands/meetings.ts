import { defineCommand } from '../src/dispatch/command.js';
import { steeringMeetingsOfYear } from '../src/domain/meetings.js';
import { advisorsMeetingsBlock, meetingItem } from '../src/presenters/meeting.js';
import { reply, type ReplyBlock } from '../src/reply/reply.js';

/**
 * `meetings [YYYY]`: the statutory meetings of a year: the steering committee's four (marked when
 * their minutes are recorded) and the advisors'.
 */
export default defineCommand({
  name: 'meetings',
  aliases: ['statutory'],
  options: [{ name: 'year', type: 'year', required: false }],
  permission: 'everyone',
  readOnly: true,
  async handle(ctx, { year = Number(ctx.today.slice(0, 4)) }) {
    const { steeringCommittee } = ctx.kb.catalog.meetings;
    const withMinutes = await ctx.minutes.meetingsWithMinutes();
    const blocks: ReplyBlock[] = [
      {
        type: 'list',
        heading: steeringCommittee.name[ctx.lang],
        items: steeringMeetingsOfYear(ctx.kb, year).map((m) => {
          const item = meetingItem(ctx, m);
          return withMinutes.has(m.id) ? { ...item, title: `${item.title} — ${ctx.t('minutes.marked')}` } : item;
        }),
      },
      advisorsMeetingsBlock(ctx, year),
      { type: 'note', text: ctx.t('meetings.ruleNote') },
    ];
    return reply('ok', ctx.t('meetings.title', { year }), blocks);
  },
});
