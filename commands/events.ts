import { defineCommand } from '../src/dispatch/command.js';
import { filterEvents, notEnded } from '../src/domain/event-queries.js';
import { cappedList } from '../src/presenters/capped-list.js';
import { caveatNotes } from '../src/presenters/caveats.js';
import { eventItem } from '../src/presenters/event.js';
import { filterNote, mentionAnswer, noEventsFound, programmeFactsBeside } from '../src/presenters/no-events.js';
import { reply } from '../src/reply/reply.js';

/**
 * `events [filter]`: the events still to come, as a list. With a month or a year in the filter
 * it lists that period's events, past ones included: "what happens in July?" is answered whole.
 * What the programme says of a place or words comes under them; a thing it only mentions is
 * answered as such.
 */
export default defineCommand({
  name: 'events',
  aliases: ['list'],
  options: [{ name: 'filter', type: 'event-filter', required: false }],
  permission: 'everyone',
  readOnly: true,
  handle(ctx, { filter }) {
    const mention = mentionAnswer(ctx, filter.typed);
    if (mention) return mention;
    const byPeriod = filter.months.length > 0 || filter.years.size > 0;
    const matches = filterEvents(ctx.kb, filter, byPeriod ? ctx.kb.events : notEnded(ctx.kb, ctx.today));
    if (matches.length === 0)
      return noEventsFound(ctx, filter, byPeriod ? 'events.noneInPeriod' : 'events.noneUpcoming');
    const title = ctx.t(byPeriod ? 'events.titlePeriod' : 'events.titleUpcoming', { count: matches.length });
    return reply('ok', title, [
      ...filterNote(ctx, filter),
      ...cappedList(ctx, matches, (m) => eventItem(ctx, m)),
      ...programmeFactsBeside(ctx, filter, matches),
      ...caveatNotes(
        ctx,
        matches.map((m) => m.indexed),
      ),
    ]);
  },
});
