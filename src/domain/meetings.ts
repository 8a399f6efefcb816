import { DateTime } from 'luxon';
import type { LocalizedText, OtherVersion, Place, WeekOfMonth } from '../catalog/schema.js';
import { isoDay, type EventDate } from './event-date.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { MeetingFormat } from './vocabulary.js';

/** A steering-committee meeting of a given year and quarter, dated from the data or from the rule. */
export interface SteeringMeeting {
  /** `sc-2019-q1`: the data's id for a dated occurrence, the same pattern for one from the rule. */
  id: string;
  year: number;
  quarter: number;
  /** The day or days; for a meeting known only by its week, the whole week. */
  when: EventDate;
  /** True when the data gives the meeting's own days; false when only the rule's week is known. */
  dated: boolean;
  /** The rule's week for this quarter (`last`, or 1-4) and month. */
  ruleWeek: { week: WeekOfMonth; month: number };
  format: MeetingFormat;
  place: Place | undefined;
  otherVersions: readonly OtherVersion[];
  /** The calendar event that dates this meeting, if any. */
  eventId: string | undefined;
}

export interface Agenda {
  year: number;
  items: readonly LocalizedText[];
  /** True when the data has no agenda for the meeting's year and this is the latest earlier one. */
  fromEarlierYear: boolean;
}

/**
 * The days of the seed's "week n of a month": week n is days 7n-6 to 7n, and the last week is
 * the month's last seven days. This reading fits the January, April and July meetings the
 * calendar dates.
 */
export function weekOfMonth(year: number, month: number, week: WeekOfMonth): EventDate {
  const first = DateTime.fromObject({ year, month, day: 1 });
  const start =
    week === 'last' ? first.endOf('month').startOf('day').minus({ days: 6 }) : first.plus({ days: 7 * week - 7 });
  return { precision: 'day', start: isoDay(start), end: isoDay(start.plus({ days: 6 })) };
}

/** The four steering-committee meetings of a year: the data's dated ones first, else the rule. */
export function steeringMeetingsOfYear(kb: KnowledgeBase, year: number): SteeringMeeting[] {
  const sc = kb.catalog.meetings.steeringCommittee;
  return sc.rule
    .slice()
    .sort((a, b) => a.quarter - b.quarter)
    .map((rule) => {
      const ruleWeek = { week: rule.week, month: rule.month };
      const dated = sc.occurrences.find((o) => o.year === year && o.quarter === rule.quarter);
      if (dated) {
        return {
          id: dated.id,
          year,
          quarter: rule.quarter,
          when: dated.when,
          dated: dated.when.precision === 'day',
          ruleWeek,
          format: dated.format,
          place: dated.place,
          otherVersions: dated.otherVersions,
          eventId: dated.event,
        };
      }
      return {
        id: `sc-${year}-q${rule.quarter}`,
        year,
        quarter: rule.quarter,
        when: weekOfMonth(year, rule.month, rule.week),
        dated: false,
        ruleWeek,
        format: rule.format,
        place: rule.format === 'online' ? { online: true } : undefined,
        otherVersions: [],
        eventId: undefined,
      };
    });
}

/** The first steering-committee meeting not over on `today`, in this year or the next. */
export function nextSteeringMeeting(kb: KnowledgeBase, today: string): SteeringMeeting {
  const year = Number(today.slice(0, 4));
  const upcoming = [...steeringMeetingsOfYear(kb, year), ...steeringMeetingsOfYear(kb, year + 1)].find(
    (m) => m.when.end >= today,
  );
  // The rule puts a meeting in every quarter, so next year always has one.
  return upcoming!;
}

/** The agenda for a year: its own if the data has one, else the latest earlier one, marked so. */
export function agendaFor(kb: KnowledgeBase, year: number): Agenda | undefined {
  const agendas = kb.catalog.meetings.steeringCommittee.agendas;
  const own = agendas.find((a) => a.year === year);
  if (own) return { year, items: own.items, fromEarlierYear: false };
  const earlier = agendas.filter((a) => a.year < year).sort((a, b) => b.year - a.year)[0];
  return earlier ? { year: earlier.year, items: earlier.items, fromEarlierYear: true } : undefined;
}

/** The international advisors' meetings the data dates for a year. */
export function advisorsMeetingsOfYear(kb: KnowledgeBase, year: number) {
  return kb.catalog.meetings.advisors.meetings.filter((m) => m.year === year);
}
