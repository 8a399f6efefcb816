import { defineCommand, type CommandContext } from '../src/dispatch/command.js';
import type { NewsStatus } from '../src/news/news-item.js';
import { newsletterDraft } from '../src/news/newsletter-draft.js';
import type { ModerationOutcome } from '../src/news/news-service.js';
import { decisionReply, queueItem, submissionReply } from '../src/presenters/news.js';
import { usageReply } from '../src/presenters/usage.js';
import { reply, type Reply } from '../src/reply/reply.js';

const STATUSES: readonly NewsStatus[] = ['pending', 'approved', 'rejected', 'published'];
const EDITION = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * `newsletter queue|approve|reject|edit|draft|publish …`: the editorial committee's desk. Every
 * action is recorded on the item with who did it and when; the author is told of a decision.
 */
export default defineCommand({
  name: 'newsletter',
  aliases: ['bulletin', 'boletin', 'boletín'],
  options: [{ name: 'action', type: 'news-text', required: true }],
  permission: 'editor',
  readOnly: false,
  async handle(ctx, argument) {
    const [action = '', first = '', ...rest] = argument.trim().split(/\s+/);
    const editor = `${ctx.asker.displayName ?? ctx.asker.id} (${ctx.asker.platform}:${ctx.asker.id})`;
    const id = Number(first);
    // An edit's text and a reason, after `edit 12` or `reject 12`, as written: lines and paragraphs kept.
    const text = argument.trim().replace(/^\S+\s+\S+\s*/, '');
    switch (action.toLowerCase()) {
      case 'queue':
        return showQueue(ctx, first.toLowerCase());
      case 'approve':
        if (!Number.isInteger(id)) break;
        return decided(ctx, await ctx.news.approve(id, editor), id);
      case 'reject':
        if (!Number.isInteger(id)) break;
        return decided(ctx, await ctx.news.reject(id, editor, text || undefined), id);
      case 'edit':
        if (!Number.isInteger(id) || rest.length === 0) break;
        return edited(ctx, await ctx.news.edit(id, editor, text), id);
      case 'draft': {
        // `draft`, `draft html`, `draft 2026-11`, `draft 2026-11 html`
        const asHtml = [first, rest[0]].some((word) => word?.toLowerCase() === 'html');
        const edition = first.toLowerCase() === 'html' ? '' : first;
        return edition && !EDITION.test(edition)
          ? notAnEdition(ctx, edition)
          : draft(ctx, edition || ctx.news.currentEdition(), asHtml);
      }
      case 'publish': {
        if (!first) break;
        if (!EDITION.test(first)) return notAnEdition(ctx, first);
        const published = await ctx.news.publish(first, editor);
        return reply('ok', ctx.t('newsletter.published', { count: published.length, edition: first }));
      }
    }
    return usageReply(ctx, 'newsletter');
  },
});

/** The whole queue, uncapped: editors (and their scripts, with --json) must see every item. */
async function showQueue(ctx: CommandContext, status: string): Promise<Reply> {
  const wanted = (STATUSES as readonly string[]).includes(status) ? (status as NewsStatus) : 'pending';
  const items = await ctx.news.list(wanted);
  if (items.length === 0)
    return reply('empty', ctx.t('newsletter.queueEmpty', { status: ctx.t(`newsletter.status.${wanted}`) }));
  return reply(
    'ok',
    ctx.t('newsletter.queueTitle', { count: items.length, status: ctx.t(`newsletter.status.${wanted}`) }),
    [{ type: 'list', items: items.map((i) => queueItem(ctx, i)) }],
  );
}

async function decided(ctx: CommandContext, outcome: ModerationOutcome, id: number): Promise<Reply> {
  if (!outcome.ok) return refused(ctx, outcome, id);
  const { item } = outcome;
  // The reason as the item records it: made inert like any text that reaches a member.
  const reason = item.history.at(-1)?.reason ?? '';
  // The author's chosen language, else the language they wrote in.
  const authorLang =
    (await ctx.preferences.get({ platform: item.author.platform, id: item.author.userId, isEditor: false })) ??
    item.lang;
  const tell = (key: string) =>
    ctx.translator.t(authorLang, key, {
      number: item.id,
      edition: item.edition ?? '',
      reason: reason || ctx.translator.t(authorLang, 'newsletter.noReason'),
    });
  const authorNotice = await ctx.outbox.toAuthor(
    item.author,
    reply('ok', tell(item.status === 'approved' ? 'newsletter.toAuthorApproved' : 'newsletter.toAuthorRejected')),
  );
  return decisionReply(ctx, item, authorNotice);
}

function edited(ctx: CommandContext, outcome: ModerationOutcome, id: number): Reply {
  return outcome.ok
    ? reply('ok', ctx.t('newsletter.edited', { number: id }), [{ type: 'text', text: outcome.item.text }])
    : refused(ctx, outcome, id);
}

function refused(ctx: CommandContext, outcome: Extract<ModerationOutcome, { ok: false }>, id: number): Reply {
  switch (outcome.reason) {
    case 'not-found':
      return reply('invalid', ctx.t('newsletter.notFound', { number: id }));
    case 'not-pending':
      return reply('invalid', ctx.t('newsletter.alreadyPublished', { number: id }));
    case 'too-short':
    case 'too-long':
      // An edit is held to the same lengths as a submission, and refused in the same words.
      return submissionReply(ctx, { ok: false, reason: outcome.reason });
  }
}

function notAnEdition(ctx: CommandContext, typed: string): Reply {
  return reply('invalid', ctx.t('newsletter.notAnEdition', { typed, example: ctx.news.currentEdition() }));
}

async function draft(ctx: CommandContext, edition: string, asHtml: boolean): Promise<Reply> {
  const items = await ctx.news.edition(edition);
  const { markdown, html } = newsletterDraft(ctx, edition, items);
  return {
    ...reply('ok', ctx.t('newsletter.draftReady', { count: items.length, edition }), [
      { type: 'text', text: ctx.t('newsletter.draftFormats') },
    ]),
    attachment: asHtml
      ? { filename: `gsef-newsletter-${edition}.html`, mediaType: 'text/html', content: html }
      : { filename: `gsef-newsletter-${edition}.md`, mediaType: 'text/markdown', content: markdown },
  };
}
