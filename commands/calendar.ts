import { defineCommand } from '../src/dispatch/command.js';
import { filterEvents } from '../src/domain/event-queries.js';
import { toICalendar } from '../src/presenters/ics.js';
import { filterNote, noEventsFound } from '../src/presenters/no-events.js';
import { reply } from '../src/reply/reply.js';

/** `calendar [filter]`: the events as an iCalendar (.ics) file, to import into any calendar application. */
export default defineCommand({
  name: 'calendar',
  aliases: ['ics'],
  options: [{ name: 'filter', type: 'event-filter', required: false }],
  permission: 'everyone',
  readOnly: true,
  handle(ctx, { filter }) {
    const events = filterEvents(ctx.kb, filter).map((m) => m.indexed);
    // No file to give: the chat answer explains why, and the console's one-shot answer fails.
    if (events.length === 0) return { ...noEventsFound(ctx, filter, 'events.noneInPeriod'), fileExpected: true };
    return {
      ...reply('ok', ctx.t('calendar.title', { count: events.length }), [
        ...filterNote(ctx, filter),
        { type: 'text', text: ctx.t('calendar.howToImport') },
      ]),
      fileExpected: true,
      attachment: {
        filename: 'gsef-calendar.ics',
        mediaType: 'text/calendar',
        content: toICalendar(ctx, events, ctx.now),
      },
    };
  },
});
