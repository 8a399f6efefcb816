import type { PresenterContext } from './presenter-context.js';
import { advisorsMeetingsOfYear, agendaFor, type SteeringMeeting } from '../domain/meetings.js';
import type { WeekOfMonth } from '../catalog/schema.js';
import { formatMonth } from '../i18n/format-date.js';
import type { MessageKey } from '../i18n/message-keys.js';
import type { ReplyBlock, ReplyItem } from '../reply/reply.js';
import { otherVersionLine } from './event.js';
import { formatPlace } from './place.js';

/** "Steering committee, Q1 2027" */
export function meetingTitle(ctx: PresenterContext, meeting: SteeringMeeting): string {
  return ctx.t('meeting.title', {
    name: ctx.kb.catalog.meetings.steeringCommittee.name[ctx.lang],
    quarter: meeting.quarter,
    year: meeting.year,
  });
}

/** "last week of {month}", "second week of {month}": the rule's week of a month, by its data value. */
const WEEK_KEYS: Record<WeekOfMonth, MessageKey> = {
  last: 'meeting.week.last',
  1: 'meeting.week.1',
  2: 'meeting.week.2',
  3: 'meeting.week.3',
  4: 'meeting.week.4',
};

/**
 * "30 January 2019", or for a meeting known only by the rule: "last week of January 2027
 * (25–31 January 2027), exact date to be confirmed".
 */
export function meetingDate(ctx: PresenterContext, meeting: SteeringMeeting): string {
  const days = ctx.formatDate(meeting.when);
  if (meeting.dated) return days;
  const week = ctx.t(WEEK_KEYS[meeting.ruleWeek.week], {
    month: formatMonth(meeting.year, meeting.ruleWeek.month, ctx.lang),
  });
  return ctx.t('meeting.weekOnly', { week, days });
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
      ...meeting.otherVersions.map((v) => otherVersionLine(ctx, v)),
    ],
  };
}

/** The meeting in full: date, format, place, both versions where the seed disagrees, and the agenda. */
export function meetingInFull(ctx: PresenterContext, meeting: SteeringMeeting): ReplyBlock[] {
  const blocks: ReplyBlock[] = [
    {
      type: 'fields',
      lang: ctx.lang,
      fields: [
        { label: ctx.t('field.date'), value: meetingDate(ctx, meeting) },
        { label: ctx.t('field.format'), value: ctx.t(`format.${meeting.format}`) },
        {
          label: ctx.t('field.place'),
          value: meeting.format === 'online' ? ctx.t('format.online') : formatPlace(ctx, meeting.place),
        },
        { label: ctx.t('field.status'), value: ctx.t('status.tentative') },
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
  blocks.push(agendaBlock(ctx, meeting.year));
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

/** The agenda of a year's meetings, or the latest earlier one marked so, or "not set yet". */
export function agendaBlock(ctx: PresenterContext, year: number): ReplyBlock {
  const agenda = agendaFor(ctx.kb, year);
  if (!agenda) return { type: 'text', text: ctx.t('agenda.notSet', { year }) };
  const heading = agenda.fromEarlierYear
    ? ctx.t('agenda.fromEarlierYear', { year, earlier: agenda.year })
    : ctx.t('agenda.heading', { year: agenda.year });
  return {
    type: 'list',
    heading,
    items: agenda.items.map((item, i) => ({ title: `${i + 1}. ${item[ctx.lang]}`, details: [] })),
  };
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
    items: meetings.map((m) => ({ title: ctx.formatDate(m.when), details: [formatPlace(ctx, m.place)] })),
  };
}
