import { defineCommand } from '../src/dispatch/command.js';
import { filterMembers } from '../src/domain/member-queries.js';
import { cappedList } from '../src/presenters/capped-list.js';
import { memberItem } from '../src/presenters/member.js';
import { filterNote } from '../src/presenters/no-events.js';
import { reply, type ReplyBlock } from '../src/reply/reply.js';

/** `members [filter]`: the directory of the members the programme names, by region, place, role or kind. */
export default defineCommand({
  name: 'members',
  aliases: ['directory'],
  options: [{ name: 'filter', type: 'member-filter', required: false }],
  permission: 'everyone',
  readOnly: true,
  handle(ctx, { filter }) {
    const members = filterMembers(ctx.kb, filter);
    const { current, target } = ctx.kb.catalog.members.memberCount;
    const countNote: ReplyBlock = { type: 'note', text: ctx.t('members.countNote', { current, target }) };
    if (members.length === 0) {
      return reply('empty', ctx.t('members.none'), [
        ...filterNote(ctx, filter),
        { type: 'text', text: ctx.t('members.tryInstead') },
        countNote,
      ]);
    }
    const blocks: ReplyBlock[] = [...filterNote(ctx, filter), ...cappedList(ctx, members, (m) => memberItem(ctx, m))];
    for (const vacancy of ctx.kb.catalog.members.vacancies) {
      if (filter.roles.size === 0 || filter.roles.has(vacancy.role)) {
        blocks.push({
          type: 'note',
          text: ctx.t('members.vacancy', {
            count: vacancy.count,
            role: ctx.t(`role.${vacancy.role}`),
            year: vacancy.year,
            note: vacancy.note[ctx.lang],
          }),
        });
      }
    }
    blocks.push(countNote);
    return reply('ok', ctx.t('members.title', { count: members.length }), blocks);
  },
});
