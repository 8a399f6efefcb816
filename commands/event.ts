import { defineCommand } from '../src/dispatch/command.js';
import { byTitleWords, EVENT_CRITERIA, findEvents } from '../src/domain/event-queries.js';
import { parseFilter } from '../src/domain/search/filter.js';
import { cappedList } from '../src/presenters/capped-list.js';
import { caveatNotes } from '../src/presenters/caveats.js';
import { eventInFull, eventItem } from '../src/presenters/event.js';
import { filterNote, mentionAnswer, programmeFactsBeside } from '../src/presenters/no-events.js';
import { inProgrammeBlocks } from '../src/presenters/programme-facts.js';
import { reply } from '../src/reply/reply.js';

/**
 * `event <name>`: one event in full, with the seed's other version where it disagrees, and what
 * the programme says of the name beyond it; a thing the programme only mentions is answered as such.
 */
export default defineCommand({
  name: 'event',
  aliases: [],
  options: [{ name: 'name', type: 'event-name', required: true }],
  permission: 'everyone',
  readOnly: true,
  handle(ctx, { name }) {
    const mention = mentionAnswer(ctx, name);
    if (mention) return mention;
    const filter = parseFilter(name, ctx.kb.dictionary, EVENT_CRITERIA);
    const matches = findEvents(ctx.kb, filter, name);
    if (matches.length === 0) {
      return reply('empty', ctx.t('event.notFound', { name }), [
        ...filterNote(ctx, filter),
        ...inProgrammeBlocks(ctx, name),
        { type: 'text', text: ctx.t('event.tryEvents') },
      ]);
    }
    // Prefer what is still to come: "event bamako" in 2019 means this year's, not last year's.
    // The title that holds most of the name's words first.
    const ordered = byTitleWords(
      ctx.kb,
      [
        ...matches.filter((m) => m.indexed.event.when.end >= ctx.today),
        ...matches.filter((m) => m.indexed.event.when.end < ctx.today),
      ],
      name,
    );
    const [best, ...others] = ordered as [(typeof ordered)[0], ...typeof ordered];
    const blocks = eventInFull(ctx, best.indexed);
    if (others.length > 0)
      blocks.push(
        ...cappedList(ctx, others, (m) => eventItem(ctx, m), ctx.t('event.otherMatches', { count: others.length })),
      );
    blocks.push(...programmeFactsBeside(ctx, filter, ordered));
    blocks.push(...caveatNotes(ctx, [best.indexed]));
    return reply('ok', best.indexed.event.title[ctx.lang], blocks);
  },
});
