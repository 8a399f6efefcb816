import { defineCommand, defineSubcommand, type CommandContext } from '../src/dispatch/command.js';
import type { MeetingChoice } from '../src/dispatch/options.js';
import { nextSteeringMeeting, steeringMeetingsOfYear, type SteeringMeeting } from '../src/domain/meetings.js';
import { formatMonth } from '../src/i18n/format-date.js';
import { decideProposal, listProposals, proposalsCsv, proposeItem } from '../src/meeting-desk/agenda-proposal-desk.js';
import { acceptedProposals } from '../src/meeting-desk/agenda-proposals.js';
import { acceptedProposalsBlocks } from '../src/meeting-desk/agenda-proposals-presenter.js';
import { meetingInFull, meetingTitle } from '../src/presenters/meeting.js';
import { reply, type Reply } from '../src/reply/reply.js';

const MEETING = { name: 'meeting', type: 'meeting', required: false } as const;
const NUMBER = { name: 'number', type: 'integer', required: true } as const;

/** The meeting shown, with its standing items followed by the members' proposals accepted for it. */
async function show(ctx: CommandContext, meeting: MeetingChoice): Promise<Reply> {
  const found = findMeeting(ctx, meeting);
  if (found) {
    const accepted = acceptedProposalsBlocks(ctx, await acceptedProposals(ctx.proposals, found));
    return reply('ok', meetingTitle(ctx, found), meetingInFull(ctx, found, accepted));
  }
  return noMeeting(ctx, meeting);
}

/** Runs `then` for the meeting chosen, or says that there is none then. */
function withMeeting(
  ctx: CommandContext,
  meeting: MeetingChoice,
  then: (found: SteeringMeeting) => Promise<Reply>,
): Promise<Reply> | Reply {
  const found = findMeeting(ctx, meeting);
  return found ? then(found) : noMeeting(ctx, meeting);
}

/**
 * `agenda [next|Q1..Q4|Q1 2027|YYYY-MM]`: a steering-committee meeting (the next one by default)
 * with its date or week, format, place and agenda: its standing items, then the members' proposals
 * the secretariat accepted. Works for any year, from the quarterly rule. (`T3` is accepted too:
 * French and Spanish write quarters T1..T4.) Its subcommands are the agenda's proposals:
 * `propose [Q3] <text>` (representatives, advisors and the secretariat, until the cut-off),
 * `accept N`, `decline N [reason]` (the secretariat), `proposals [csv] [meeting]`; `show` is the
 * meeting itself, which Discord offers as a subcommand like the others.
 */
export default defineCommand({
  name: 'agenda',
  aliases: ['meeting', 'steering-committee'],
  options: [MEETING],
  permission: 'everyone',
  readOnly: true,
  handle: (ctx, { meeting }) => show(ctx, meeting),
  subcommands: {
    show: defineSubcommand({ options: [MEETING], handle: (ctx, { meeting }) => show(ctx, meeting) }),
    propose: defineSubcommand({
      options: [
        { name: 'meeting', type: 'meeting-code', required: false },
        { name: 'text', type: 'agenda-text', required: true },
      ],
      writes: true,
      handle: (ctx, { meeting = {}, text }) => withMeeting(ctx, meeting, (found) => proposeItem(ctx, found, text)),
    }),
    proposals: defineSubcommand({
      options: [{ name: 'format', type: 'choice', choices: ['csv'], required: false }, MEETING],
      handle: (ctx, { format, meeting }) =>
        format === 'csv' ? proposalsCsv(ctx) : withMeeting(ctx, meeting, (found) => listProposals(ctx, found)),
    }),
    accept: defineSubcommand({
      options: [NUMBER],
      writes: true,
      handle: (ctx, { number }) => decideProposal(ctx, number, 'accepted'),
    }),
    decline: defineSubcommand({
      options: [NUMBER, { name: 'reason', type: 'agenda-text', required: false }],
      writes: true,
      handle: (ctx, { number, reason }) => decideProposal(ctx, number, 'declined', reason),
    }),
  },
});

function noMeeting(ctx: CommandContext, meeting: MeetingChoice): Reply {
  const year = meeting.year ?? thisYear(ctx);
  const period = meeting.month === undefined ? String(year) : formatMonth(year, meeting.month, ctx.lang);
  return reply('empty', ctx.t('agenda.noneInMonth', { month: period }), [
    { type: 'text', text: ctx.t('agenda.quarterlyRule') },
  ]);
}

/**
 * The meeting of a quarter or a month (this year's unless another is named), else the next one of
 * the format named (the face-to-face one), else the next one (of a year, if named).
 */
function findMeeting(
  ctx: CommandContext,
  { quarter, year, month, format }: MeetingChoice,
): SteeringMeeting | undefined {
  if (format !== undefined && quarter === undefined && month === undefined) {
    const ofFormat = steeringMeetingsOfYear(ctx.kb, year ?? thisYear(ctx)).filter((m) => m.format === format);
    return ofFormat.find((m) => m.when.end >= ctx.today) ?? ofFormat[0];
  }
  if (quarter === undefined && month === undefined) {
    if (year === undefined) return nextSteeringMeeting(ctx.kb, ctx.today);
    const ofYear = steeringMeetingsOfYear(ctx.kb, year);
    return ofYear.find((m) => m.when.end >= ctx.today) ?? ofYear[0];
  }
  const meetings = steeringMeetingsOfYear(ctx.kb, year ?? thisYear(ctx));
  if (quarter !== undefined) return meetings.find((m) => m.quarter === quarter);
  const key = `${year ?? thisYear(ctx)}-${String(month).padStart(2, '0')}`;
  return meetings.find((m) => m.when.start.slice(0, 7) <= key && key <= m.when.end.slice(0, 7));
}

function thisYear(ctx: CommandContext): number {
  return Number(ctx.today.slice(0, 4));
}
