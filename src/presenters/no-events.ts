import type { PresenterContext } from './presenter-context.js';
import { isEmptyFilter, type Filter } from '../domain/search/filter.js';
import type { EventMatch } from '../domain/event-queries.js';
import { namedMentions } from '../domain/programme-mentions.js';
import { reply, type Reply, type ReplyBlock } from '../reply/reply.js';
import { describeFilter } from './filter.js';
import type { MessageKey } from '../i18n/message-keys.js';
import { inProgrammeBlocks, mentionsReply } from './programme-facts.js';

/** "Filter understood: region Africa · month July", shown above results so the asker can check it. */
export function filterNote(ctx: PresenterContext, filter: Filter): ReplyBlock[] {
  return isEmptyFilter(filter)
    ? []
    : [{ type: 'note', text: ctx.t('filter.understood', { filter: describeFilter(ctx, filter) }) }];
}

/**
 * The answer when no event fits: what the filter understood, what the programme says about it,
 * what period the calendar covers, and what to try instead, so that an empty answer still helps.
 */
export function noEventsFound(ctx: PresenterContext, filter: Filter, titleKey: MessageKey): Reply {
  // What the calendar's rows cover: the meetings made from the rule run on into the years ahead.
  const events = ctx.kb.events.filter((e) => e.calendarRow);
  const first = events[0]!.event.when;
  const last = events.reduce((latest, e) => (e.event.when.end > latest.end ? e.event.when : latest), first);
  const blocks: ReplyBlock[] = [
    ...filterNote(ctx, filter),
    ...inProgrammeBlocks(ctx, filter.typed),
    {
      type: 'text',
      text: ctx.t('events.calendarCovers', {
        count: events.length,
        from: ctx.formatDate(first),
        to: ctx.formatDate(last),
      }),
    },
    { type: 'text', text: ctx.t('events.tryInstead', { example: `events ${first.start.slice(0, 7)}` }) },
  ];
  return reply('empty', ctx.t(titleKey), blocks);
}

/**
 * The answer to a text that names something the seed mentions without a calendar row (the UN
 * General Assembly), or undefined: such a text is answered with what the seed says of it, never
 * with the events that share a word of its name (the RENAPESS General Assembly).
 */
export function mentionAnswer(ctx: PresenterContext, text: string): Reply | undefined {
  const mentions = namedMentions(ctx.kb, text);
  return mentions.length > 0 ? mentionsReply(ctx, mentions) : undefined;
}

/**
 * Under events found by a place or by words: the parts of the programme that say something of
 * them beyond the events listed ("events uganda": the mapping projects of strategic orientation
 * 2). Nothing for a filter of periods, regions or categories only, which the events answer.
 */
export function programmeFactsBeside(
  ctx: PresenterContext,
  filter: Filter,
  matches: readonly EventMatch[],
): ReplyBlock[] {
  if (filter.places.size === 0 && filter.keywords.length === 0) return [];
  // A loop, not flatMap: an array per match (hundreds at scale) for a handful of programmes.
  const shown = new Set<string>();
  for (const { indexed } of matches) if (indexed.event.programme) shown.add(indexed.event.programme);
  return inProgrammeBlocks(ctx, filter.typed, shown);
}
