import { defineCommand } from '../src/dispatch/command.js';
import { nextEvents } from '../src/domain/event-queries.js';
import { caveatNotes } from '../src/presenters/caveats.js';
import { eventItem } from '../src/presenters/event.js';
import { filterNote, mentionAnswer, noEventsFound, programmeFactsBeside } from '../src/presenters/no-events.js';
import { reply, type ReplyBlock } from '../src/reply/reply.js';

/** `next-event [filter]`: what is happening now and what comes next, optionally in a region, place or month. */
export default defineCommand({
  name: 'next-event',
  aliases: ['next'],
  options: [{ name: 'filter', type: 'event-filter', required: false }],
  permission: 'everyone',
  readOnly: true,
  handle(ctx, { filter }) {
    const mention = mentionAnswer(ctx, filter.typed);
    if (mention) return mention;
    const { happeningNow, next } = nextEvents(ctx.kb, ctx.today, filter);
    if (happeningNow.length === 0 && next.length === 0) return noEventsFound(ctx, filter, 'nextEvent.none');
    const blocks: ReplyBlock[] = [...filterNote(ctx, filter)];
    if (happeningNow.length > 0)
      blocks.push({
        type: 'list',
        heading: ctx.t('nextEvent.happeningNow'),
        items: happeningNow.map((m) => eventItem(ctx, m)),
      });
    if (next.length > 0)
      blocks.push({ type: 'list', heading: ctx.t('nextEvent.comingNext'), items: next.map((m) => eventItem(ctx, m)) });
    blocks.push(...programmeFactsBeside(ctx, filter, [...happeningNow, ...next]));
    blocks.push(
      ...caveatNotes(
        ctx,
        [...happeningNow, ...next].map((m) => m.indexed),
      ),
    );
    return reply('ok', ctx.t('nextEvent.title'), blocks);
  },
});
