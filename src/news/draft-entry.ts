import type { PresenterContext } from '../presenters/presenter-context.js';
import { labelled } from '../i18n/typography.js';
import type { NewsItem } from './news-item.js';
import { safeHttpLink } from './safe-link.js';
import { shownAuthorName } from './shown-name.js';
import { inertText as inert } from './sanitize.js';

/** One item as a draft shows it, in any format: its text, its byline and its source, all made safe. */
export interface DraftEntry {
  text: string;
  byline: string;
  /** "source: ", in the editor's language. */
  sourceLabel: string;
  source?: string;
}

export function draftEntry(ctx: PresenterContext, item: NewsItem): DraftEntry {
  const source = item.source.permalink === undefined ? undefined : safeHttpLink(item.source.permalink);
  return {
    text: inert(item.text),
    byline: ctx.t('newsletter.byline', { number: item.id, author: shownAuthorName(item.author) }),
    sourceLabel: labelled(ctx.lang, ctx.t('newsletter.source'), ''),
    ...(source ? { source } : {}),
  };
}
