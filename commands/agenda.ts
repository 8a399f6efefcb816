import { defineCommand, defineSubcommand, type CommandContext } from '../src/dispatch/command.js';
import {
  chosenComingMeeting,
  chosenMeeting,
  type MeetingChoice,
  type SteeringMeeting,
} from '../src/domain/meetings.js';
import { decideProposal, listProposals, proposalsCsv, proposeItem } from '../src/meeting-desk/agenda-proposal-desk.js';
import { acceptedProposals } from '../src/meeting-desk/agenda-proposals.js';
import { acceptedProposalsBlocks } from '../src/presenters/agenda-proposals.js';
import { meetingInFull, meetingTitle, noMeetingFound } from '../src/presenters/meeting.js';
import { minutesBlocks } from '../src/presenters/minutes.js';
import { reply, type Reply } from '../src/reply/reply.js';

const MEETING = { name: 'meeting', type: 'meeting', required: false } as const;
const NUMBER = { name: 'number', type: 'integer', required: true } as const;

/** The meeting shown, with its standing items followed by the members' proposals accepted for it, and its minutes once recorded. */
async function show(ctx: CommandContext, choice: MeetingChoice): Promise<Reply> {
  const found = chosenMeeting(ctx.kb, ctx.today, choice);
  if (!found) return noMeetingFound(ctx, choice, ctx.today);
  const [accepted, minutes] = await Promise.all([acceptedProposals(ctx.proposals, found), ctx.minutes.of(found.id)]);
  return reply(
    'ok',
    meetingTitle(ctx, found),
    meetingInFull(ctx, found, [...acceptedProposalsBlocks(ctx, accepted), ...minutesBlocks(ctx, minutes)]),
  );
}

/** Runs `then` for the meeting chosen, or says that there is none then. */
function withMeeting(
  ctx: CommandContext,
  choice: MeetingChoice,
  then: (found: SteeringMeeting) => Promise<Reply>,
  find: (choice: MeetingChoice) => SteeringMeeting | undefined = (c) => chosenMeeting(ctx.kb, ctx.today, c),
): Promise<Reply> | Reply {
  const found = find(choice);
  return found ? then(found) : noMeetingFound(ctx, choice, ctx.today);
}

/**
 * `agenda [next|Q1..Q4|Q1 2027|YYYY-MM]`: a steering-committee meeting (the next one by default)
 * with its date or week, format, place and agenda: its standing items, then the members' proposals
 * the secretariat accepted. Works for any year, from the quarterly rule. (`T3` is accepted too:
 * French and Spanish write quarters T1..T4.) Its subcommands are the agenda's proposals:
 * `propose [Q3] <text>` (representatives, advisors and the secretariat, until the cut-off),
 * `accept N`, `decline N [reason]` (the secretariat), `proposals [meeting] [--csv]`; `show` is the
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
      // Items are for a meeting to come: `Q3` is the coming Q3, and with none named, the next that has not begun.
      handle: (ctx, { meeting = {}, text }) =>
        withMeeting(
          ctx,
          meeting,
          (found) => proposeItem(ctx, found, text),
          (choice) => chosenComingMeeting(ctx.kb, ctx.today, choice, { notBegun: true }),
        ),
    }),
    // With --csv, every proposal of every meeting the asker may see: the secretariat's records.
    proposals: defineSubcommand({
      options: [MEETING, { name: 'csv', type: 'flag', required: false }],
      handle: (ctx, { meeting, csv }) =>
        csv ? proposalsCsv(ctx) : withMeeting(ctx, meeting, (found) => listProposals(ctx, found)),
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
