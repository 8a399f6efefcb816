import type { PresenterContext } from './presenter-context.js';
import { formatNumber } from '../i18n/format-number.js';
import type { NewsItem } from '../news/news-item.js';
import { safeHttpLink } from '../news/safe-link.js';
import { inertText } from '../news/sanitize.js';
import { shownAuthorName } from '../news/shown-name.js';
import { MAX_NEWS_LENGTH, MIN_NEWS_LENGTH, type SubmitOutcome } from '../news/news-service.js';
import type { AuthorNotice } from '../messaging/outbox.js';
import { reply, type Reply, type ReplyItem } from '../reply/reply.js';

/** The answer to a submission: its number and what happens next, or a polite reason for refusing it. */
export function submissionReply(ctx: PresenterContext, outcome: SubmitOutcome, ofAnother = false): Reply {
  // Someone who sends another person's message (a reaction, the shortcut) is not told "your news".
  const key = (name: 'received' | 'whatNext' | 'rateLimited') => `news.${name}${ofAnother ? 'FromOther' : ''}` as const;
  if (outcome.ok)
    return reply('ok', ctx.t(key('received'), { number: outcome.item.id }), [
      { type: 'text', text: ctx.t(key('whatNext')) },
    ]);
  switch (outcome.reason) {
    case 'too-short':
      return reply('invalid', ctx.t('news.tooShort', { min: formatNumber(MIN_NEWS_LENGTH, ctx.lang) }));
    case 'too-long':
      return reply('invalid', ctx.t('news.tooLong', { max: formatNumber(MAX_NEWS_LENGTH, ctx.lang) }));
    case 'rate-limited':
      return reply('invalid', ctx.t(key('rateLimited'), { count: ctx.kb.catalog.settings.newsletter.dailyLimit }));
    case 'duplicate':
      return reply('invalid', ctx.t('news.duplicate', { number: outcome.number }));
  }
}

/**
 * The answer to an editor's decision: what was decided, and what became of the message to the
 * author: told only when it was (the console prints it), else queued for the process that runs
 * the author's platform, or not queued at all.
 */
export function decisionReply(ctx: PresenterContext, item: NewsItem, authorNotice: AuthorNotice): Reply {
  const title = ctx.t(item.status === 'approved' ? 'newsletter.approved' : 'newsletter.rejected', {
    number: item.id,
    edition: item.edition ?? '',
  });
  return reply('ok', title, [{ type: 'text', text: ctx.t(`newsletter.authorNotice.${authorNotice}`) }]);
}

/** The notice to the editorial committee about a new item, with Approve and Reject buttons. */
export function editorialNotice(ctx: PresenterContext, item: NewsItem): Reply {
  return {
    ...reply('ok', ctx.t('newsletter.noticeTitle', { number: item.id, author: shownAuthorName(item.author) }), [
      { type: 'text', text: inertText(item.text) },
      ...itemFacts(ctx, item),
    ]),
    visibility: 'public',
    actions: [
      { label: ctx.t('newsletter.approveButton'), command: `newsletter approve ${item.id}`, style: 'primary' },
      { label: ctx.t('newsletter.rejectButton'), command: `newsletter reject ${item.id}`, style: 'danger' },
    ],
  };
}

export function queueItem(ctx: PresenterContext, item: NewsItem): ReplyItem {
  const text = inertText(item.text);
  const preview = [...text].length > 200 ? `${[...text].slice(0, 200).join('')}…` : text;
  return {
    title: `#${item.id} · ${ctx.t(`newsletter.status.${item.status}`, { count: 1 })}${item.edition ? ` · ${item.edition}` : ''}`,
    details: [preview, ...itemFactLines(ctx, item)],
  };
}

function itemFacts(ctx: PresenterContext, item: NewsItem) {
  return [{ type: 'note' as const, text: itemFactLines(ctx, item).join(' · ') }];
}

function itemFactLines(ctx: PresenterContext, item: NewsItem): string[] {
  const member = item.member ? ctx.kb.memberById(item.member)?.member.name[ctx.lang] : undefined;
  // Only an http(s) permalink is shown: one of another kind (javascript:, data:) can only be forged.
  const permalink = item.source.permalink === undefined ? undefined : safeHttpLink(item.source.permalink);
  return [
    [shownAuthorName(item.author), member, ctx.t(`lang.name.${item.lang}`), ctx.formatDayOf(item.receivedAt)]
      .filter(Boolean)
      .join(' · '),
    ...(permalink ? [permalink] : []),
  ];
}
