import type { DateTime } from 'luxon';
import type { Asker } from '../domain/asker.js';
import { normalize } from '../domain/search/normalize.js';
import type { SteeringMeeting } from '../domain/meetings.js';
import type { Lang, PersonRole } from '../domain/vocabulary.js';
import { formatDay } from '../i18n/format-date.js';
import type { Notices } from '../news/notices.js';
import { sanitizeNews } from '../news/sanitize.js';
import { shownLength } from '../news/shown-length.js';
import type { RoleBook } from '../people/roles.js';
import { meetingTitle } from '../presenters/meeting.js';
import type { PresenterContext } from '../presenters/presenter-context.js';
import { reply, type Reply } from '../reply/reply.js';
import { mayDecide, mayPropose, proposalCutoff, proposalsOpen } from './agenda-proposal-rules.js';
import { personKey, type AgendaProposal, type AgendaProposals } from './agenda-proposals.js';
import { decisionNoticeText, meetingName, proposalItem, proposalNoticeBlocks } from '../presenters/agenda-proposals.js';
import { toCsv } from '../presenters/csv.js';

/** The longest agenda item, in characters as people see them: an item is a line of an agenda, not a paper. */
export const MAX_PROPOSAL_LENGTH = 500;

/** What proposing and deciding run in: the `agenda` command's context is one, and so is a 📋 reaction's. */
export interface ProposalContext extends PresenterContext {
  readonly asker: Asker;
  readonly roles: ReadonlySet<PersonRole>;
  /** Now, in the bot's time zone, and today's calendar day there. */
  readonly now: DateTime;
  readonly today: string;
  /** The language of the secretariat's shared channel. */
  readonly defaultLang: Lang;
  inLanguage(lang: Lang): PresenterContext;
  readonly proposals: AgendaProposals;
  readonly people: Pick<RoleBook, 'memberOf'>;
  readonly notices: Notices;
  readonly languages: { get(asker: Asker): Promise<Lang | undefined> };
}

/** Where a proposal was taken from, when it is a message (a 📋 reaction). */
export interface ProposalOrigin {
  channel?: string;
  messageId?: string;
  permalink?: string;
}

/**
 * Proposes `text` for `meeting`'s agenda as the asker: refused to whoever may not propose, after
 * the meeting's cut-off, and for words that are empty or too long once cleaned as news is. A new
 * proposal is posted to the secretariat's channels (settings `admin`) with Accept / Decline.
 */
export async function proposeItem(
  ctx: ProposalContext,
  meeting: SteeringMeeting,
  text: string,
  origin?: ProposalOrigin,
): Promise<Reply> {
  if (!mayPropose(ctx.roles)) return reply('invalid', ctx.t('proposals.notAllowed'));
  const { cutoffDays } = ctx.kb.catalog.settings.agendaProposals;
  const title = meetingTitle(ctx, meeting);
  if (!proposalsOpen(ctx.today, meeting.when.start, cutoffDays)) {
    const cutoff = formatDay(proposalCutoff(meeting.when.start, cutoffDays), ctx.lang);
    return reply('invalid', ctx.t('proposals.closed', { meeting: title, date: cutoff }));
  }
  const clean = sanitizeNews(text).text;
  const length = shownLength(clean);
  // Without a letter or a digit there is no item, and nothing to tell one such text from another.
  if (length === 0 || normalize(clean) === '') return reply('invalid', ctx.t('proposals.empty'));
  if (length > MAX_PROPOSAL_LENGTH) return reply('invalid', ctx.t('proposals.tooLong', { max: MAX_PROPOSAL_LENGTH }));
  const { asker } = ctx;
  const member = await ctx.people.memberOf(asker);
  const outcome = await ctx.proposals.propose(
    {
      meeting: meeting.id,
      text: clean,
      proposer: {
        platform: asker.platform,
        id: asker.id,
        name: sanitizeNews(asker.displayName ?? '').text || asker.id,
        ...(member ? { member } : {}),
      },
      lang: ctx.lang,
      ...(origin ? { source: { platform: asker.platform, ...origin } } : {}),
      proposedAt: ctx.now.toUTC().toISO()!,
    },
    ctx.now.toMillis(),
  );
  if (!outcome.ok) {
    return reply(
      'invalid',
      outcome.number === undefined
        ? ctx.t('proposals.duplicateUnnumbered', { meeting: title })
        : ctx.t('proposals.duplicate', { number: outcome.number, meeting: title }),
    );
  }
  await tellSecretariat(ctx, outcome.proposal);
  const cutoff = formatDay(proposalCutoff(meeting.when.start, cutoffDays), ctx.lang);
  return reply('ok', ctx.t('proposals.received', { number: outcome.proposal.number, meeting: title }), [
    { type: 'text', text: outcome.proposal.text },
    { type: 'note', text: ctx.t('proposals.whatNext', { date: cutoff }) },
  ]);
}

/** The secretariat's channels (settings `admin`), in the bot's default language, with the buttons that decide. */
async function tellSecretariat(ctx: ProposalContext, proposal: AgendaProposal): Promise<void> {
  const shared = ctx.inLanguage(ctx.defaultLang);
  const { title, blocks, actions } = proposalNoticeBlocks(shared, proposal);
  const notice: Reply = { ...reply('ok', title, blocks), actions, lang: shared.lang };
  for (const [platform, channel] of Object.entries(ctx.kb.catalog.settings.admin ?? {})) {
    await ctx.notices.toChannel(platform, channel, notice);
  }
}

/**
 * Accepts or declines proposal #`number` (the secretariat only); its proposer is told, in their
 * language. Of two decisions at once, one is recorded and the other told it was already decided.
 */
export async function decideProposal(
  ctx: ProposalContext,
  number: number,
  status: 'accepted' | 'declined',
  reason?: string,
): Promise<Reply> {
  if (!mayDecide(ctx.roles)) {
    const command = `agenda ${status === 'accepted' ? 'accept' : 'decline'}`;
    return reply('invalid', ctx.t('errors.secretariatOnly', { command }));
  }
  const outcome = await ctx.proposals.decide(
    number,
    {
      status,
      by: personKey(ctx.asker),
      at: ctx.now.toUTC().toISO()!,
      ...(reason === undefined ? {} : { reason: sanitizeNews(reason).text }),
    },
    ctx.now.toMillis(),
  );
  if (!outcome.ok) {
    switch (outcome.reason) {
      case 'not-found':
        return reply('invalid', ctx.t('proposals.notFound', { number }));
      case 'being-decided':
        return reply('invalid', ctx.t('proposals.beingDecided', { number }));
      case 'already-decided':
        return reply('invalid', ctx.t('proposals.alreadyDecided', { number }), [
          { type: 'list', items: [proposalItem(ctx, outcome.proposal)] },
        ]);
    }
  }
  const { proposal } = outcome;
  const told = await tellProposer(ctx, proposal);
  return reply('ok', ctx.t(status === 'accepted' ? 'proposals.acceptedTitle' : 'proposals.declinedTitle', { number }), [
    { type: 'list', items: [proposalItem(ctx, proposal)] },
    { type: 'note', text: ctx.t(`proposals.proposerTold.${told}`) },
  ]);
}

/** The proposer's chosen language, else the one they proposed in; through the outbox (at once at the console). */
async function tellProposer(ctx: ProposalContext, proposal: AgendaProposal) {
  const { platform, id, name } = proposal.proposer;
  const lang = (await ctx.languages.get({ platform, id, isEditor: false })) ?? proposal.lang;
  const theirs = ctx.inLanguage(lang);
  const notice: Reply = {
    ...reply('ok', theirs.t('proposals.toProposerTitle', { number: proposal.number }), [
      { type: 'text', text: decisionNoticeText(theirs, proposal) },
    ]),
    lang,
  };
  return ctx.notices.toAuthor({ platform, userId: id, displayName: name }, notice);
}

/**
 * The proposals for `meeting` (every meeting's, when none is named): the secretariat sees all of
 * them; anyone else the accepted ones and their own.
 */
export async function proposalsFor(ctx: ProposalContext, meeting: SteeringMeeting | undefined) {
  const all = meeting ? await ctx.proposals.ofMeeting(meeting.id) : await ctx.proposals.all();
  if (mayDecide(ctx.roles)) return all;
  const asker = personKey(ctx.asker);
  return all.filter((p) => p.status === 'accepted' || personKey(p.proposer) === asker);
}

/** `agenda proposals [meeting]`: the proposals with their status, as a list. */
export async function listProposals(ctx: ProposalContext, meeting: SteeringMeeting): Promise<Reply> {
  const shown = await proposalsFor(ctx, meeting);
  const title = meetingTitle(ctx, meeting);
  if (shown.length === 0) return reply('empty', ctx.t('proposals.none', { meeting: title }));
  return reply('ok', ctx.t('proposals.listTitle', { count: shown.length, meeting: title }), [
    { type: 'list', items: shown.map((p) => proposalItem(ctx, p)) },
  ]);
}

/** `agenda proposals --csv`: every proposal the asker may see, of every meeting, as a CSV file for the records. */
export async function proposalsCsv(ctx: ProposalContext): Promise<Reply> {
  const shown = await proposalsFor(ctx, undefined);
  const columns = [
    'number',
    'meeting',
    'meetingTitle',
    'status',
    'text',
    'proposer',
    'member',
    'proposedAt',
    'decidedBy',
    'decidedAt',
    'reason',
  ] as const;
  const header = columns.map((column) => ctx.t(`proposals.csv.${column}`));
  const rows = shown.map((p) => [
    String(p.number),
    p.meeting,
    meetingName(ctx, p.meeting),
    ctx.t(`proposals.status.${p.status}`),
    p.text,
    personKey(p.proposer),
    p.proposer.member ?? '',
    p.proposedAt,
    p.decidedBy ?? '',
    p.decidedAt ?? '',
    p.reason ?? '',
  ]);
  return {
    ...reply('ok', ctx.t('proposals.csvTitle', { count: shown.length }), [
      { type: 'text', text: ctx.t('proposals.csvAttached') },
    ]),
    fileExpected: true,
    attachment: {
      filename: 'gsef-agenda-proposals.csv',
      mediaType: 'text/csv',
      content: toCsv([header, ...rows]),
    },
  };
}
