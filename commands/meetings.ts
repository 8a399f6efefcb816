import { defineCommand } from '../src/dispatch/command.js';
import { advisorsMeetingsOfYear, steeringMeetingsOfYear } from '../src/domain/meetings.js';
import { formatEventDate } from '../src/i18n/format-date.js';
import { meetingItem } from '../src/presenters/meeting.js';
import { formatPlace } from '../src/presenters/place.js';
import { usageReply } from '../src/presenters/usage.js';
import { reply, type ReplyBlock } from '../src/reply/reply.js';

/** `meetings [YYYY]`: the statutory meetings of a year: the steering committee's four and the advisors'. */
export default defineCommand({
  name: 'meetings',
  aliases: ['statutory'],
  options: [{ name: 'year', type: 'text', required: false }],
  permission: 'everyone',
  readOnly: true,
  handle(ctx, argument) {
    const text = argument.trim();
    if (text !== '' && !/^\d{4}$/.test(text)) return usageReply(ctx, 'meetings');
    const year = text === '' ? Number(ctx.today.slice(0, 4)) : Number(text);
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
              title: formatEventDate(m.when, ctx.lang, ctx.translator),
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
