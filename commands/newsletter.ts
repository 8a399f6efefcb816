import { defineCommand, defineSubcommand, type CommandContext } from '../src/dispatch/command.js';
import type { NewsStatus } from '../src/news/news-item.js';
import { newsletterDraft } from '../src/news/newsletter-draft.js';
import type { ModerationOutcome } from '../src/news/news-service.js';
import { decisionReply, queueItem, submissionReply } from '../src/presenters/news.js';
import { reply, type Reply } from '../src/reply/reply.js';

const STATUSES = ['pending', 'approved', 'rejected', 'published'] as const satisfies readonly NewsStatus[];
const NUMBER = { name: 'number', type: 'integer', required: true } as const;

/**
 * `newsletter queue|approve|reject|edit|draft|publish …`: the editorial committee's desk. Every
 * action is recorded on the item with who did it and when; the author is told of a decision.
 */
export default defineCommand({
  name: 'newsletter',
  aliases: ['bulletin', 'boletin', 'boletín'],
  permission: 'editor',
  readOnly: false,
  subcommands: {
    // The whole queue, uncapped: editors (and their scripts, with --json) must see every item.
    queue: defineSubcommand({
      options: [{ name: 'status', type: 'choice', choices: STATUSES, required: false }],
      async handle(ctx, { status = 'pending' }) {
        const items = await ctx.news.list(status);
        // "5 actualités — approuvées": the status agrees with the number of items.
        const shown = ctx.t(`newsletter.status.${status}`, { count: items.length });
        if (items.length === 0) return reply('empty', ctx.t('newsletter.queueEmpty', { status: shown }));
        return reply('ok', ctx.t('newsletter.queueTitle', { count: items.length, status: shown }), [
          { type: 'list', items: items.map((i) => queueItem(ctx, i)) },
        ]);
      },
    }),
    approve: defineSubcommand({
      options: [NUMBER],
      handle: async (ctx, { number }) => decided(ctx, await ctx.news.approve(number, editor(ctx)), number),
    }),
    reject: defineSubcommand({
      // A reason as written: its lines and paragraphs kept.
      options: [NUMBER, { name: 'reason', type: 'news-text', required: false }],
      handle: async (ctx, { number, reason }) =>
        decided(ctx, await ctx.news.reject(number, editor(ctx), reason), number),
    }),
    edit: defineSubcommand({
      options: [NUMBER, { name: 'text', type: 'news-text', required: true }],
      handle: async (ctx, { number, text }) => edited(ctx, await ctx.news.edit(number, editor(ctx), text), number),
    }),
    // `draft`, `draft html`, `draft 2026-11`, `draft 2026-11 html`
    draft: defineSubcommand({
      options: [
        { name: 'edition', type: 'edition', required: false },
        { name: 'format', type: 'choice', choices: ['markdown', 'html'], required: false },
      ],
      handle: (ctx, { edition, format }) =>
        edition ? draft(ctx, edition, format === 'html') : openDraft(ctx, format === 'html'),
    }),
    publish: defineSubcommand({
      options: [{ name: 'edition', type: 'edition', required: true }],
      async handle(ctx, { edition }) {
        const published = await ctx.news.publish(edition, editor(ctx));
        return reply('ok', ctx.t('newsletter.published', { count: published.length, edition }));
      },
    }),
  },
});

/** Who acted, as the item's history records it. */
function editor(ctx: CommandContext): string {
  return `${ctx.asker.displayName ?? ctx.asker.id} (${ctx.asker.platform}:${ctx.asker.id})`;
}

async function decided(ctx: CommandContext, outcome: ModerationOutcome, id: number): Promise<Reply> {
  if (!outcome.ok) return refused(ctx, outcome, id);
  const { item } = outcome;
  // The reason as the item records it: made inert like any text that reaches a member.
  const reason = item.history.at(-1)?.reason ?? '';
  // The author's chosen language, else the language they wrote in.
  const author = ctx.inLanguage(
    (await ctx.languages.get({ platform: item.author.platform, id: item.author.userId, isEditor: false })) ?? item.lang,
  );
  const notice = author.t(item.status === 'approved' ? 'newsletter.toAuthorApproved' : 'newsletter.toAuthorRejected', {
    number: item.id,
    edition: item.edition ?? '',
    reason: reason || author.t('newsletter.noReason'),
  });
  return decisionReply(ctx, item, await ctx.notices.toAuthor(item.author, reply('ok', notice)));
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

/**
 * The draft of the edition an item approved now would join: after the cut-off day that is next
 * month's, and the answer says so, since "this month's" would otherwise be empty from the 26th.
 */
function openDraft(ctx: CommandContext, asHtml: boolean): Promise<Reply> {
  const { edition, afterCutoff, cutoffDay } = ctx.news.openEdition();
  const which = ctx.t(afterCutoff ? 'newsletter.draftAfterCutoff' : 'newsletter.draftOpenEdition', {
    edition,
    day: cutoffDay,
  });
  return draft(ctx, edition, asHtml, which);
}

async function draft(ctx: CommandContext, edition: string, asHtml: boolean, which?: string): Promise<Reply> {
  const items = await ctx.news.edition(edition);
  const { markdown, html } = newsletterDraft(ctx, edition, items);
  return {
    ...reply('ok', ctx.t('newsletter.draftReady', { count: items.length, edition }), [
      ...(which ? [{ type: 'text' as const, text: which }] : []),
      { type: 'text', text: ctx.t(asHtml ? 'newsletter.draftHtmlAttached' : 'newsletter.draftMarkdownAttached') },
    ]),
    attachment: asHtml
      ? { filename: `gsef-newsletter-${edition}.html`, mediaType: 'text/html', content: html }
      : { filename: `gsef-newsletter-${edition}.md`, mediaType: 'text/markdown', content: markdown },
  };
}
