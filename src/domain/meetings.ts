import { DateTime } from 'luxon';
import type { Catalog } from '../catalog/load-catalog.js';
import type { AgendaItem, OtherVersion, Place, WeekOfMonth } from '../catalog/schema.js';
import type { EventDate } from './event-date.js';
import type { MeetingFormat } from './vocabulary.js';

/** What the meetings' functions read: the catalog (a KnowledgeBase is one). */
interface MeetingsData {
  readonly catalog: Pick<Catalog, 'meetings'>;
}

/** What the data says once a meeting is settled (see the schema's `meetingSchedule`). */
export interface MeetingSchedule {
  confirmed: boolean;
  /** Local start time, `14:00`, in `timeZone` (the settings' zone when absent). */
  time?: string;
  timeZone?: string;
  /** ISO 8601: `PT2H`. */
  duration?: string;
  /** An https address to join online. */
  link?: string;
  revision: number;
}

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
  schedule: MeetingSchedule;
}

/** Which steering-committee meeting is asked for: a quarter, a year, a month (`2027-01`), or none of them for the next one. */
export interface MeetingChoice {
  quarter?: number;
  year?: number;
  month?: number;
  /** "the face-to-face meeting", "la réunion en ligne": the meeting of that format. */
  format?: MeetingFormat;
}

/** An international advisors' meeting, as the data dates it. */
export interface AdvisorsMeeting {
  id: string;
  year: number;
  when: EventDate;
  place: Place;
  otherVersions: readonly OtherVersion[];
  eventId: string | undefined;
  schedule: MeetingSchedule;
}

/** A statutory meeting of either body. */
export type StatutoryMeeting =
  { body: 'steering-committee'; meeting: SteeringMeeting } | { body: 'advisors'; meeting: AdvisorsMeeting };

export interface Agenda {
  year: number;
  items: readonly AgendaItem[];
  /** True when this agenda is the meeting's own (`meeting:` in the data), false when it is its year's. */
  ownMeeting: boolean;
}

/**
 * The days of the seed's "week n of a month": week n is days 7n-6 to 7n, and the last week is
 * the month's last seven days. This reading fits the January, April and July meetings the
 * calendar dates.
 */
export function weekOfMonth(year: number, month: number, week: WeekOfMonth): EventDate {
  // Calendar days, counted in UTC, where no day is shorter than another: a luxon date in the
  // system's zone took 40 ms for the rule's meetings at a start over 100 times the data.
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const firstDay = week === 'last' ? lastDay - 6 : 7 * week - 6;
  const day = (dayOfMonth: number) => new Date(Date.UTC(year, month - 1, dayOfMonth)).toISOString().slice(0, 10);
  return { precision: 'day', start: day(firstDay), end: day(firstDay + 6) };
}

/** The four steering-committee meetings of a year: the data's dated ones first, else the rule. */
export function steeringMeetingsOfYear(kb: MeetingsData, year: number): SteeringMeeting[] {
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
          schedule: scheduleOf(dated),
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
        schedule: { confirmed: false, revision: 0 },
      };
    });
}

/** The first steering-committee meeting not over on `today`, in this year or the next. */
export function nextSteeringMeeting(kb: MeetingsData, today: string): SteeringMeeting {
  const year = Number(today.slice(0, 4));
  const upcoming = [...steeringMeetingsOfYear(kb, year), ...steeringMeetingsOfYear(kb, year + 1)].find(
    (m) => m.when.end >= today,
  );
  // The rule puts a meeting in every quarter, so next year always has one.
  return upcoming!;
}

/**
 * A meeting's agenda: its own if the data has one (`meeting:`), else, for a steering-committee
 * meeting, its year's; undefined when neither is set. An earlier year's agenda is never given for
 * a later meeting: its items are that year's business, and members would prepare the wrong one.
 */
export function agendaFor(kb: MeetingsData, meeting: StatutoryMeeting): Agenda | undefined {
  const agendas = kb.catalog.meetings.steeringCommittee.agendas;
  const { id, year } = meeting.meeting;
  const own = agendas.find((a) => a.meeting === id);
  if (own) return { year, items: own.items, ownMeeting: true };
  return meeting.body === 'advisors' ? undefined : yearAgenda(kb, year);
}

/** The agenda the data gives a year's steering-committee meetings (`agendas` without `meeting`). */
export function yearAgenda(kb: MeetingsData, year: number): Agenda | undefined {
  const ofYear = kb.catalog.meetings.steeringCommittee.agendas.find((a) => a.year === year && a.meeting === undefined);
  return ofYear ? { year, items: ofYear.items, ownMeeting: false } : undefined;
}

/** The international advisors' meetings the data dates for a year. */
export function advisorsMeetingsOfYear(kb: MeetingsData, year: number): AdvisorsMeeting[] {
  return kb.catalog.meetings.advisors.meetings
    .filter((m) => m.year === year)
    .map((m) => ({
      id: m.id,
      year: m.year,
      when: m.when,
      place: m.place,
      otherVersions: m.otherVersions,
      eventId: m.event,
      schedule: scheduleOf(m),
    }));
}

function scheduleOf(meeting: MeetingSchedule): MeetingSchedule {
  const { confirmed, time, timeZone, duration, link, revision } = meeting;
  return { confirmed, time, timeZone, duration, link, revision };
}

/** When a timed meeting starts, in its own zone (`defaultZone`, the settings', when it gives none); undefined without a time. */
export function meetingStart(day: string, schedule: MeetingSchedule, defaultZone: string): DateTime | undefined {
  if (schedule.time === undefined) return undefined;
  return DateTime.fromISO(`${day}T${schedule.time}`, { zone: schedule.timeZone ?? defaultZone });
}

/** The latest steering-committee meeting that has begun by `today` (this year's or last year's). */
export function lastBegunSteeringMeeting(kb: MeetingsData, today: string): SteeringMeeting | undefined {
  const year = Number(today.slice(0, 4));
  return [...steeringMeetingsOfYear(kb, year - 1), ...steeringMeetingsOfYear(kb, year)]
    .filter((m) => m.when.start <= today)
    .at(-1);
}

/**
 * The meeting of a quarter or a month (this year's unless another is named), else the next one of
 * the format named (the face-to-face one), else the next one (of a year, if named). `today` is an
 * ISO day.
 */
export function chosenMeeting(
  kb: MeetingsData,
  today: string,
  { quarter, year, month, format }: MeetingChoice,
): SteeringMeeting | undefined {
  const thisYear = Number(today.slice(0, 4));
  if (format !== undefined && quarter === undefined && month === undefined) {
    const ofFormat = steeringMeetingsOfYear(kb, year ?? thisYear).filter((m) => m.format === format);
    return ofFormat.find((m) => m.when.end >= today) ?? ofFormat[0];
  }
  if (quarter === undefined && month === undefined) {
    if (year === undefined) return nextSteeringMeeting(kb, today);
    const ofYear = steeringMeetingsOfYear(kb, year);
    return ofYear.find((m) => m.when.end >= today) ?? ofYear[0];
  }
  const meetings = steeringMeetingsOfYear(kb, year ?? thisYear);
  if (quarter !== undefined) return meetings.find((m) => m.quarter === quarter);
  const key = `${year ?? thisYear}-${String(month).padStart(2, '0')}`;
  return meetings.find((m) => m.when.start.slice(0, 7) <= key && key <= m.when.end.slice(0, 7));
}

/**
 * `chosenMeeting` for something done ahead of a meeting (answering whether one will come, proposing
 * an item): a quarter or month named without its year is the coming one, next year's once this
 * year's has begun; with nothing named, the next meeting that has not begun (`notBegun`) or the
 * next that has not ended.
 */
export function chosenComingMeeting(
  kb: MeetingsData,
  today: string,
  choice: MeetingChoice,
  { notBegun }: { notBegun: boolean },
): SteeringMeeting | undefined {
  const named = choice.quarter !== undefined || choice.month !== undefined;
  if (!named && choice.year === undefined && choice.format === undefined && notBegun) {
    const year = Number(today.slice(0, 4));
    return [...steeringMeetingsOfYear(kb, year), ...steeringMeetingsOfYear(kb, year + 1)].find(
      (m) => m.when.start > today,
    );
  }
  const found = chosenMeeting(kb, today, choice);
  if (!named || choice.year !== undefined || !found || found.when.start > today) return found;
  return chosenMeeting(kb, today, { ...choice, year: Number(today.slice(0, 4)) + 1 }) ?? found;
}
