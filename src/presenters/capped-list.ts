import type { LocaleContext } from '../i18n/locale-context.js';
import type { ReplyBlock, ReplyItem } from '../reply/reply.js';

/**
 * How many items a list shows. Chat clients cut long answers anyway (Slack at 50 blocks, Discord at
 * 25 fields), and formatting items nobody reads is the slowest part of an answer at scale.
 */
export const MAX_LIST_ITEMS = 25;

/** A list of at most {@link MAX_LIST_ITEMS} items, and a note saying how many more there are. */
export function cappedList<T>(
  ctx: LocaleContext,
  all: readonly T[],
  toItem: (value: T) => ReplyItem,
  heading?: string,
): ReplyBlock[] {
  const list: ReplyBlock = {
    type: 'list',
    items: all.slice(0, MAX_LIST_ITEMS).map(toItem),
    ...(heading ? { heading } : {}),
  };
  if (all.length <= MAX_LIST_ITEMS) return [list];
  return [list, { type: 'note', text: ctx.t('list.more', { count: all.length - MAX_LIST_ITEMS }) }];
}
