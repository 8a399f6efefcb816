import type { Catalog } from '../catalog/load-catalog.js';
import type { CalendarEvent } from '../catalog/schema.js';
import { formatMonth } from '../i18n/format-date.js';
import { Translator } from '../i18n/translator.js';
import { byLanguage } from './localized-text.js';
import { advisorsMeetingsOfYear, steeringMeetingsOfYear, type StatutoryMeeting } from './meetings.js';

/** A statutory meeting as the calendar shows it: an event, and the meeting it stands for. */
export interface MeetingEvent {
  event: CalendarEvent;
  meeting: StatutoryMeeting;
}

/**
 * The statutory meetings of the years `fromYear` to `throughYear`, for the calendar: those that
 * already have a calendar row (`event:` in meetings.yaml) by that row's id, so that each meeting is
 * listed once, and the others as events of their own, made from the meeting (the rule's meetings
 * are infinite: the years bound them).
 */
export function meetingEvents(
  catalog: Catalog,
  fromYear: number,
  throughYear: number,
): { ownEvents: MeetingEvent[]; ofCalendarRows: Map<string, StatutoryMeeting> } {
  const translator = new Translator(catalog.locales);
  const rowIds = new Set(catalog.events.events.map((e) => e.id));
  const ownEvents: MeetingEvent[] = [];
  const ofCalendarRows = new Map<string, StatutoryMeeting>();
  const { steeringCommittee, advisors } = catalog.meetings;
  const groupMembers = (id: string) => steeringCommittee.participants.find((g) => g.id === id)?.members ?? [];
  for (let year = fromYear; year <= throughYear; year++) {
    const meetings: StatutoryMeeting[] = [
      ...steeringMeetingsOfYear({ catalog }, year).map((meeting) => ({ body: 'steering-committee' as const, meeting })),
      ...advisorsMeetingsOfYear({ catalog }, year).map((meeting) => ({ body: 'advisors' as const, meeting })),
    ];
    for (const statutory of meetings) {
      const { meeting } = statutory;
      if (meeting.eventId !== undefined && rowIds.has(meeting.eventId)) {
        ofCalendarRows.set(meeting.eventId, statutory);
        continue;
      }
      const title = byLanguage((lang) =>
        statutory.body === 'steering-committee'
          ? translator.t(lang, 'meeting.title', {
              name: steeringCommittee.name[lang],
              quarter: statutory.meeting.quarter,
              year,
            })
          : translator.t(lang, 'meeting.advisorsTitle', {
              name: advisors.name[lang],
              month: formatMonth(year, Number(meeting.when.start.slice(5, 7)), lang),
            }),
      );
      ownEvents.push({
        meeting: statutory,
        event: {
          id: meeting.id,
          when: meeting.when,
          title,
          aliases: [],
          place: meeting.place,
          category: 'statutory-meeting',
          partners: [],
          involves: groupMembers(statutory.body),
          programme: undefined,
          confirmed: meeting.schedule.confirmed,
          revision: meeting.schedule.revision,
          source: 'data/meetings.yaml',
          otherVersions: [...meeting.otherVersions],
        },
      });
    }
  }
  return { ownEvents, ofCalendarRows };
}

/**
 * The years the meetings' calendar covers by default: from the first year meetings.yaml dates or
 * gives an agenda for, through the year after the latest that any data file's dates reach (so
 * that next year's quarterly meetings are always known).
 */
export function meetingYears(catalog: Catalog): { fromYear: number; latestYear: number } {
  const { steeringCommittee, advisors } = catalog.meetings;
  const meetingYears = [
    ...steeringCommittee.occurrences.map((o) => o.year),
    ...advisors.meetings.map((m) => m.year),
    ...steeringCommittee.agendas.map((a) => a.year),
  ];
  const dates = [
    ...catalog.events.events.map((e) => e.when),
    ...catalog.programmes.programmes.flatMap((p) => [...(p.when ? [p.when] : []), ...p.phases.map((ph) => ph.when)]),
  ];
  const latestYear = Math.max(...meetingYears, ...dates.map((d) => Number(d.end.slice(0, 4))));
  const fromYear = meetingYears.length > 0 ? Math.min(...meetingYears) : latestYear;
  return { fromYear, latestYear };
}
