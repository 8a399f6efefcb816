import type { DataProblem } from '../errors.js';
import type { EventsFile, MeetingsFile, MembersFile, PlacesFile, Place, ProgrammesFile, Settings } from './schema.js';
import type { YamlSource } from './yaml-source.js';

type Files = {
  places: PlacesFile;
  events: EventsFile;
  members: MembersFile;
  meetings: MeetingsFile;
  programmes: ProgrammesFile;
  settings: Settings;
};
type Sources = Record<keyof Files, YamlSource>;

/** Checks what spans files: ids that must exist elsewhere, and ids that must be unique. */
export function checkReferences(files: Files, sources: Sources): DataProblem[] {
  const problems: DataProblem[] = [];
  const cityIds = new Set(Object.keys(files.places.cities));
  const countryCodes = new Set(Object.keys(files.places.countries));
  const memberIds = uniqueIds(files.members.members, sources.members, ['members'], problems);
  const eventIds = uniqueIds(files.events.events, sources.events, ['events'], problems);
  const programmeIds = uniqueIds(files.programmes.programmes, sources.programmes, ['programmes'], problems);
  checkMeetingIds(files.meetings, sources.meetings, problems);

  const expect =
    (ids: Set<string>, what: string, source: YamlSource) => (id: string | undefined, at: PropertyKey[]) => {
      if (id !== undefined && !ids.has(id)) problems.push(source.problemAt(at, `unknown ${what} "${id}"`));
    };
  const checkPlace = (source: YamlSource) => (place: Place | undefined, at: PropertyKey[]) => {
    expect(cityIds, 'city (not in places.yaml)', source)(place?.city, [...at, 'city']);
    expect(countryCodes, 'country (not in places.yaml)', source)(place?.country, [...at, 'country']);
  };

  for (const [id, city] of Object.entries(files.places.cities)) {
    expect(countryCodes, 'country', sources.places)(city.country, ['cities', id, 'country']);
  }
  files.members.members.forEach((member, i) => {
    checkPlace(sources.members)({ city: member.city, country: member.country }, ['members', i]);
  });
  files.events.events.forEach((event, i) => {
    checkPlace(sources.events)(event.place, ['events', i, 'place']);
    event.involves.forEach((id, j) =>
      expect(memberIds, 'member (not in members.yaml)', sources.events)(id, ['events', i, 'involves', j]),
    );
    expect(
      programmeIds,
      'programme (not in programmes.yaml)',
      sources.events,
    )(event.programme, ['events', i, 'programme']);
    event.otherVersions.forEach((version, j) =>
      checkPlace(sources.events)(version.place, ['events', i, 'otherVersions', j, 'place']),
    );
  });
  const sc = files.meetings.steeringCommittee;
  sc.occurrences.forEach((occurrence, i) => {
    const at = ['steeringCommittee', 'occurrences', i];
    checkPlace(sources.meetings)(occurrence.place, [...at, 'place']);
    expect(eventIds, 'event (not in events.yaml)', sources.meetings)(occurrence.event, [...at, 'event']);
    occurrence.otherVersions.forEach((version, j) =>
      checkPlace(sources.meetings)(version.place, [...at, 'otherVersions', j, 'place']),
    );
  });
  checkAgendas(files.meetings, sources.meetings, problems);
  sc.participants.forEach((group, i) =>
    group.members.forEach((id, j) =>
      expect(
        memberIds,
        'member (not in members.yaml)',
        sources.meetings,
      )(id, ['steeringCommittee', 'participants', i, 'members', j]),
    ),
  );
  files.meetings.advisors.meetings.forEach((meeting, i) => {
    checkPlace(sources.meetings)(meeting.place, ['advisors', 'meetings', i, 'place']);
    expect(
      eventIds,
      'event (not in events.yaml)',
      sources.meetings,
    )(meeting.event, ['advisors', 'meetings', i, 'event']);
  });
  files.programmes.programmes.forEach((programme, i) => {
    checkPlace(sources.programmes)(programme.place, ['programmes', i, 'place']);
    programme.events.forEach((id, j) =>
      expect(eventIds, 'event (not in events.yaml)', sources.programmes)(id, ['programmes', i, 'events', j]),
    );
    programme.targetCountries.forEach((code, j) =>
      expect(
        countryCodes,
        'country (not in places.yaml)',
        sources.programmes,
      )(code, ['programmes', i, 'targetCountries', j]),
    );
    programme.pastEditions.forEach((edition, j) =>
      checkPlace(sources.programmes)(edition.place, ['programmes', i, 'pastEditions', j, 'place']),
    );
  });
  files.programmes.mentions.forEach((mention, i) =>
    expect(
      programmeIds,
      'programme (not in programmes.yaml)',
      sources.programmes,
    )(mention.programme, ['mentions', i, 'programme']),
  );
  files.settings.newsletter.authors.forEach((author, i) =>
    expect(
      memberIds,
      'member (not in members.yaml)',
      sources.settings,
    )(author.member, ['newsletter', 'authors', i, 'member']),
  );
  files.settings.people.forEach((person, i) => {
    if (person.member !== undefined)
      expect(memberIds, 'member (not in members.yaml)', sources.settings)(person.member, ['people', i, 'member']);
  });
  return problems;
}

function uniqueIds(
  items: readonly { id: string }[],
  source: YamlSource,
  at: PropertyKey[],
  problems: DataProblem[],
): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) problems.push(source.problemAt([...at, i, 'id'], `duplicate id "${item.id}"`));
    seen.add(item.id);
  });
  return seen;
}

/**
 * One meeting per quarter, and one id per meeting across both bodies (agendas and the calendar name
 * meetings by id). With ids sc-YYYY-qN and dates inside their quarter (schema.ts), a unique id is a
 * quarter with one meeting, so two steering-committee meetings cannot overlap; the advisors'
 * meetings have free ids, so theirs are compared by their days.
 */
function checkMeetingIds(meetings: MeetingsFile, source: YamlSource, problems: DataProblem[]): void {
  const seen = new Set<string>();
  meetings.steeringCommittee.occurrences.forEach((occurrence, i) => {
    if (seen.has(occurrence.id))
      problems.push(
        source.problemAt(
          ['steeringCommittee', 'occurrences', i, 'id'],
          `a second meeting for quarter ${occurrence.quarter} of ${occurrence.year} ("${occurrence.id}"): the committee meets once a quarter, so keep one of the two`,
        ),
      );
    seen.add(occurrence.id);
  });
  meetings.advisors.meetings.forEach((meeting, i) => {
    const at = ['advisors', 'meetings', i];
    if (seen.has(meeting.id)) problems.push(source.problemAt([...at, 'id'], `duplicate id "${meeting.id}"`));
    seen.add(meeting.id);
    const overlapped = meetings.advisors.meetings
      .slice(0, i)
      .find((other) => other.when.start <= meeting.when.end && meeting.when.start <= other.when.end);
    if (overlapped && meeting.when.precision === 'day' && overlapped.when.precision === 'day')
      problems.push(source.problemAt([...at, 'when'], `overlaps the advisors' meeting "${overlapped.id}"`));
  });
}

/**
 * An agenda's `meeting` must name a meeting of its year: a dated occurrence, a rule meeting
 * (sc-YYYY-qN, quarter 1 to 4) or an advisors' meeting; and a meeting or a year has one agenda.
 */
function checkAgendas(meetings: MeetingsFile, source: YamlSource, problems: DataProblem[]): void {
  const known = new Map<string, number>([
    ...meetings.steeringCommittee.occurrences.map((o): [string, number] => [o.id, o.year]),
    ...meetings.advisors.meetings.map((m): [string, number] => [m.id, m.year]),
  ]);
  const seen = new Set<string>();
  meetings.steeringCommittee.agendas.forEach((agenda, i) => {
    const at = ['steeringCommittee', 'agendas', i];
    const key = agenda.meeting ?? `year ${agenda.year}`;
    if (seen.has(key)) problems.push(source.problemAt(at, `a second agenda for ${key}`));
    seen.add(key);
    if (agenda.meeting === undefined) return;
    const rule = /^sc-(\d{4})-q([1-4])$/.exec(agenda.meeting);
    const year = known.get(agenda.meeting) ?? (rule ? Number(rule[1]) : undefined);
    if (year === undefined)
      problems.push(
        source.problemAt(
          [...at, 'meeting'],
          `unknown meeting "${agenda.meeting}": give an occurrence id, sc-YYYY-qN (N from 1 to 4) or an advisors' meeting id`,
        ),
      );
    else if (year !== agenda.year)
      problems.push(source.problemAt([...at, 'year'], `must be ${year}, the year of meeting "${agenda.meeting}"`));
  });
}
