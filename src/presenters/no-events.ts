import type { PresenterContext } from './presenter-context.js';
import { isEmptyFilter, type Filter } from '../domain/search/filter.js';
import { reply, type Reply, type ReplyBlock } from '../reply/reply.js';
import { describeFilter } from './filter.js';
import type { MessageKey } from '../i18n/message-keys.js';

/** "Filter understood: region Africa · month July", shown above results so the asker can check it. */
export function filterNote(ctx: PresenterContext, filter: Filter): ReplyBlock[] {
  return isEmptyFilter(filter)
    ? []
    : [{ type: 'note', text: ctx.t('filter.understood', { filter: describeFilter(ctx, filter) }) }];
}

/**
 * The answer when no event fits: what the filter understood, what period the calendar covers,
 * and what to try instead, so that an empty answer still helps.
 */
export function noEventsFound(ctx: PresenterContext, filter: Filter, titleKey: MessageKey): Reply {
  const events = ctx.kb.events;
  const first = events[0]!.event.when;
  const last = events.reduce((latest, e) => (e.event.when.end > latest.end ? e.event.when : latest), first);
  const blocks: ReplyBlock[] = [
    ...filterNote(ctx, filter),
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
