import type { PresenterContext } from './presenter-context.js';
import { advisorsMeetingsOfYear, type MeetingChoice, type SteeringMeeting } from '../domain/meetings.js';
import { formatMonth } from '../i18n/format-date.js';
import { reply, type Reply, type ReplyBlock, type ReplyItem } from '../reply/reply.js';
import { otherVersionLine } from './event.js';
import { agendaBlock } from './meeting-agenda.js';
import { ruleWeekText, scheduleFields, scheduleLines } from './meeting-time.js';
import { formatPlace } from './place.js';

/** "Steering committee, Q1 2027" */
export function meetingTitle(ctx: PresenterContext, meeting: SteeringMeeting): string {
  return ctx.t('meeting.title', {
    name: ctx.kb.catalog.meetings.steeringCommittee.name[ctx.lang],
    quarter: meeting.quarter,
    year: meeting.year,
  });
}

/**
 * "30 January 2019", or for a meeting known only by the rule: "last week of January 2027
 * (25–31 January 2027), exact date to be confirmed".
 */
export function meetingDate(ctx: PresenterContext, meeting: SteeringMeeting): string {
  const days = ctx.formatDate(meeting.when);
  if (meeting.dated) return days;
  return ctx.t('meeting.weekOnly', { week: ruleWeekText(ctx, meeting), days });
}

export function meetingPlace(ctx: PresenterContext, meeting: SteeringMeeting): string {
  return meeting.format === 'online'
    ? ctx.t('format.online')
    : `${ctx.t('format.face-to-face')} · ${formatPlace(ctx, meeting.place)}`;
}

export function meetingItem(ctx: PresenterContext, meeting: SteeringMeeting): ReplyItem {
  return {
    title: meetingTitle(ctx, meeting),
    details: [
      `${meetingDate(ctx, meeting)} · ${meetingPlace(ctx, meeting)}`,
      ...scheduleLines(ctx, meeting.when.start, meeting.schedule),
      ...meeting.otherVersions.map((v) => otherVersionLine(ctx, v)),
    ],
  };
}

/**
 * The meeting in full: date, format, place, both versions where the seed disagrees, and the agenda
 * (its standing items, then `afterAgenda`: the members' proposals accepted for it).
 */
export function meetingInFull(
  ctx: PresenterContext,
  meeting: SteeringMeeting,
  afterAgenda: readonly ReplyBlock[] = [],
): ReplyBlock[] {
  const blocks: ReplyBlock[] = [
    {
      type: 'fields',
      lang: ctx.lang,
      fields: [
        { label: ctx.t('field.date'), value: meetingDate(ctx, meeting) },
        ...scheduleFields(ctx, meeting.when.start, meeting.schedule),
        { label: ctx.t('field.format'), value: ctx.t(`format.${meeting.format}`) },
        {
          label: ctx.t('field.place'),
          value: meeting.format === 'online' ? ctx.t('format.online') : formatPlace(ctx, meeting.place),
        },
        {
          label: ctx.t('field.status'),
          value: ctx.t(meeting.schedule.confirmed ? 'status.confirmed' : 'status.tentative'),
        },
      ],
    },
  ];
  if (meeting.otherVersions.length > 0) {
    blocks.push({
      type: 'list',
      heading: ctx.t('event.otherVersionsHeading'),
      items: meeting.otherVersions.map((v) => ({ title: otherVersionLine(ctx, v), details: [] })),
    });
  }
  blocks.push(agendaBlock(ctx, { body: 'steering-committee', meeting }), ...afterAgenda);
  const participants = ctx.kb.catalog.meetings.steeringCommittee.participants;
  blocks.push({
    type: 'list',
    heading: ctx.t('agenda.participants'),
    items: participants.map((p) => ({
      title: `${p.group[ctx.lang]} (${typeof p.count === 'number' ? p.count : p.count[ctx.lang]})`,
      details: [p.details[ctx.lang]],
    })),
  });
  return blocks;
}

/** The international advisors' meetings of a year with their frequency, or that their dates are to be confirmed. */
export function advisorsMeetingsBlock(ctx: PresenterContext, year: number): ReplyBlock {
  const { advisors } = ctx.kb.catalog.meetings;
  const meetings = advisorsMeetingsOfYear(ctx.kb, year);
  if (meetings.length === 0)
    return {
      type: 'text',
      text: ctx.t('meetings.advisorsToBeConfirmed', {
        name: advisors.name[ctx.lang],
        frequency: advisors.frequency[ctx.lang],
        year,
      }),
    };
  return {
    type: 'list',
    heading: `${advisors.name[ctx.lang]} (${advisors.frequency[ctx.lang]})`,
    items: meetings.map((m) => ({
      title: ctx.formatDate(m.when),
      details: [formatPlace(ctx, m.place), ...scheduleLines(ctx, m.when.start, m.schedule)],
    })),
  };
}

/** The answer when no steering-committee meeting matches what was asked (a month without one): when they meet. */
export function noMeetingFound(ctx: PresenterContext, choice: MeetingChoice, today: string): Reply {
  const year = choice.year ?? Number(today.slice(0, 4));
  const period = choice.month === undefined ? String(year) : formatMonth(year, choice.month, ctx.lang);
  return reply('empty', ctx.t('agenda.noneInMonth', { month: period }), [
    { type: 'text', text: ctx.t('agenda.quarterlyRule') },
  ]);
}
