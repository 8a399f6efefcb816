import { defineCommand } from '../src/dispatch/command.js';
import { isEmptyFilter } from '../src/domain/search/filter.js';
import { directoryGroups, filterMembers } from '../src/domain/member-queries.js';
import { directoryBlocks } from '../src/presenters/member.js';
import { filterNote } from '../src/presenters/no-events.js';
import { reply, type ReplyBlock } from '../src/reply/reply.js';

/**
 * `members [filter]`: the directory by group of the steering-committee table (the 13 committee
 * members, then the advisors, observers and secretariat in their own roles), with GSEF's member
 * count; a filter (region, place, role, kind, words) keeps the grouping.
 */
export default defineCommand({
  name: 'members',
  aliases: ['directory', 'membres', 'miembros', 'annuaire', 'directorio'],
  options: [{ name: 'filter', type: 'member-filter', required: false }],
  permission: 'everyone',
  readOnly: true,
  handle(ctx, { filter }) {
    const members = filterMembers(ctx.kb, filter);
    const groups = directoryGroups(ctx.kb, members, filter);
    const { current, target, by } = ctx.kb.catalog.members.memberCount;
    const countText = ctx.t('members.countNote', { current, target, year: by.slice(0, 4) });
    if (groups.length === 0) {
      return reply('empty', ctx.t('members.none'), [
        ...filterNote(ctx, filter),
        { type: 'text', text: ctx.t('members.tryInstead') },
        { type: 'note', text: countText },
      ]);
    }
    if (isEmptyFilter(filter))
      return reply('ok', ctx.t('members.directoryTitle'), [
        { type: 'text', text: countText },
        ...directoryBlocks(ctx, groups),
      ]);
    const blocks: ReplyBlock[] = [
      ...filterNote(ctx, filter),
      ...directoryBlocks(ctx, groups),
      { type: 'note', text: countText },
    ];
    return reply('ok', ctx.t('members.title', { count: members.length }), blocks);
  },
});
