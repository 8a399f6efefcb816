import type { SteeringMeeting } from '../domain/meetings.js';
import type { PresenterContext } from './presenter-context.js';
import { meetingTitle } from './meeting.js';
import { memberName } from './roles.js';
import type { ReplyAction, ReplyBlock, ReplyItem } from '../reply/reply.js';
import { personKey, type AgendaProposal, type Proposer } from '../meeting-desk/agenda-proposals.js';
import { steeringMeetingById } from '../meeting-desk/meeting-by-id.js';

/**
 * The accepted proposals of a meeting, after its standing items, marked as members' proposals
 * with who proposed each (and for which member): for the `agenda` answer and the reminders that
 * carry the final agenda. Nothing when none was accepted.
 */
export function acceptedProposalsBlocks(ctx: PresenterContext, accepted: readonly AgendaProposal[]): ReplyBlock[] {
  if (accepted.length === 0) return [];
  return [
    {
      type: 'list',
      heading: ctx.t('proposals.acceptedHeading'),
      items: accepted.map((p) => ({
        title: `#${p.number} ${p.text}`,
        details: [ctx.t('proposals.proposedBy', { who: proposerShown(ctx, p.proposer) })],
      })),
    },
  ];
}

/** A proposal in a list: its number and words, its meeting, who proposed it when, and what was decided. */
export function proposalItem(ctx: PresenterContext, p: AgendaProposal): ReplyItem {
  return {
    title: `#${p.number} ${p.text}`,
    details: [
      `${ctx.t(`proposals.status.${p.status}`)} · ${meetingName(ctx, p.meeting)}`,
      ctx.t('proposals.proposedOn', { who: proposerShown(ctx, p.proposer), date: ctx.formatDayOf(p.proposedAt) }),
      ...decisionLines(ctx, p),
    ],
  };
}

/** The secretariat's notice of a new proposal, with the buttons that decide it. */
export function proposalNoticeBlocks(
  ctx: PresenterContext,
  p: AgendaProposal,
): { title: string; blocks: ReplyBlock[]; actions: ReplyAction[] } {
  return {
    title: ctx.t('proposals.noticeTitle', { number: p.number, meeting: meetingName(ctx, p.meeting) }),
    blocks: [
      { type: 'text', text: p.text },
      { type: 'note', text: ctx.t('proposals.proposedBy', { who: proposerShown(ctx, p.proposer) }) },
    ],
    actions: [
      { label: ctx.t('proposals.acceptButton'), command: `agenda accept ${p.number}`, style: 'primary' },
      { label: ctx.t('proposals.declineButton'), command: `agenda decline ${p.number}`, style: 'danger' },
    ],
  };
}

/** What the proposer is told of the decision on their proposal, in their language. */
export function decisionNoticeText(ctx: PresenterContext, p: AgendaProposal): string {
  const meeting = meetingName(ctx, p.meeting);
  return p.status === 'accepted'
    ? ctx.t('proposals.toProposerAccepted', { number: p.number, meeting, text: p.text })
    : ctx.t('proposals.toProposerDeclined', {
        number: p.number,
        meeting,
        text: p.text,
        reason: p.reason ?? ctx.t('proposals.noReason'),
      });
}

/** Who decided and when, and why (a decline's reason), once decided. */
export function decisionLines(ctx: PresenterContext, p: AgendaProposal): string[] {
  if (p.decidedBy === undefined || p.decidedAt === undefined) return [];
  return [
    ctx.t('proposals.decidedBy', { by: p.decidedBy, date: ctx.formatDayOf(p.decidedAt) }),
    ...(p.reason ? [ctx.t('proposals.reason', { reason: p.reason })] : []),
  ];
}

/** "City of Seoul (Ana, slack:U0123)", or the person alone: never a mention that would notify them. */
export function proposerShown(ctx: PresenterContext, proposer: Proposer): string {
  const id = personKey(proposer);
  const person = proposer.name && proposer.name !== proposer.id ? `${proposer.name}, ${id}` : id;
  return proposer.member === undefined
    ? person
    : ctx.t('proposals.forMember', { member: memberName(ctx, proposer.member), person });
}

/** The meeting's title in the reader's language, or its id when the data no longer has it. */
export function meetingName(ctx: PresenterContext, id: string): string {
  const meeting: SteeringMeeting | undefined = steeringMeetingById(ctx.kb, id);
  return meeting ? meetingTitle(ctx, meeting) : id;
}
