import { defineCommand } from '../src/dispatch/command.js';
import { findMembers, MEMBER_CRITERIA, upcomingEventsOf } from '../src/domain/member-queries.js';
import { parseFilter } from '../src/domain/search/filter.js';
import { cappedList } from '../src/presenters/capped-list.js';
import { eventItem } from '../src/presenters/event.js';
import { memberInFull, memberItem } from '../src/presenters/member.js';
import { filterNote } from '../src/presenters/no-events.js';
import { reply } from '../src/reply/reply.js';

/** `member <name>`: one member (or advisor, observer, secretariat) with its roles, region and upcoming events. */
export default defineCommand({
  name: 'member',
  aliases: ['membre', 'miembro'],
  options: [{ name: 'name', type: 'member-name', required: true }],
  permission: 'everyone',
  readOnly: true,
  handle(ctx, { name }) {
    const filter = parseFilter(name, ctx.kb.dictionary, MEMBER_CRITERIA);
    const matches = findMembers(ctx.kb, filter, name);
    if (matches.length === 0) {
      return reply('empty', ctx.t('member.notFound', { name }), [
        ...filterNote(ctx, filter),
        { type: 'text', text: ctx.t('members.tryInstead') },
      ]);
    }
    const [best, ...others] = matches as [(typeof matches)[0], ...typeof matches];
    const blocks = memberInFull(ctx, best, Number(ctx.today.slice(0, 4)));
    const events = upcomingEventsOf(ctx.kb, best, ctx.today);
    if (events.length > 0)
      blocks.push(
        ...cappedList(
          ctx,
          events,
          (indexed) => eventItem(ctx, { indexed, via: 'main' }),
          ctx.t('member.upcomingEvents'),
        ),
      );
    else blocks.push({ type: 'text', text: ctx.t('member.noUpcomingEvents') });
    if (others.length > 0)
      blocks.push(
        ...cappedList(ctx, others, (m) => memberItem(ctx, m), ctx.t('member.otherMatches', { count: others.length })),
      );
    return reply('ok', best.member.name[ctx.lang], blocks);
  },
});
