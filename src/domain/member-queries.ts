import type { ParticipantGroup, Vacancy } from '../catalog/schema.js';
import { anyIn } from './event-queries.js';
import type { IndexedEvent } from './indexed-event.js';
import type { IndexedMember, KnowledgeBase } from './knowledge-base.js';
import { tokenize } from './search/normalize.js';
import type { CriterionKind } from './search/criterion.js';
import { isEmptyFilter, type Filter } from './search/filter.js';

/** The criteria a member filter understands; other words are keywords. */
export const MEMBER_CRITERIA: ReadonlySet<CriterionKind> = new Set(['region', 'place', 'role', 'member-kind']);

/** Members matching the filter, in the data's order (presidents first, as the seed lists them). */
export function filterMembers(kb: KnowledgeBase, filter: Filter): IndexedMember[] {
  const keywordHits = filter.keywords.length > 0 ? kb.memberIndex.matchAll(filter.keywords) : undefined;
  return kb.members.filter((m) => {
    if (keywordHits && !keywordHits.has(m)) return false;
    if (filter.regions.size > 0 && !(m.region && filter.regions.has(m.region))) return false;
    if (filter.places.size > 0 && !anyIn(m.placeKeys, filter.places)) return false;
    if (filter.roles.size > 0 && !m.member.roles.some((r) => filter.roles.has(r.role))) return false;
    if (filter.memberKinds.size > 0 && !filter.memberKinds.has(m.member.kind)) return false;
    return true;
  });
}

/** A member by id, or those matching every word of the name. */
export function findMembers(kb: KnowledgeBase, filter: Filter, rawName: string): IndexedMember[] {
  const named = kb.memberById(rawName.trim().toLowerCase()) ?? memberNamed(kb, rawName);
  return named ? [named] : filterMembers(kb, filter);
}

/**
 * The member whose name or alias is the text, common words aside: "qué es C.I.T.I.E.S." is the
 * observer, though "cities" alone would be a kind of member.
 */
export function memberNamed(kb: KnowledgeBase, text: string): IndexedMember | undefined {
  const words = tokenize(text)
    .filter((word) => !kb.dictionary.isStopword(word))
    .join(' ');
  return words === '' ? undefined : kb.memberByName(words);
}

/** Events still to come that involve the member or take place in its city, in date order. */
export function upcomingEventsOf(kb: KnowledgeBase, member: IndexedMember, today: string): IndexedEvent[] {
  const city = member.member.city;
  const related = kb.eventsWithAnyFacet([`member:${member.member.id}`, ...(city ? [`city:${city}`] : [])]);
  // The few related events still to come put in date order, rather than every event looked up among them.
  const upcoming: IndexedEvent[] = [];
  for (const e of related)
    if (e.event.when.end >= today && (e.event.involves.includes(member.member.id) || e.event.place?.city === city))
      upcoming.push(e);
  return kb.inDateOrder(upcoming);
}

/** A group of the directory (a category of table 1.A.ii) and the members listed in it. */
export interface DirectoryGroup {
  group: ParticipantGroup;
  members: IndexedMember[];
  /** Places of the group's role still to be filled, such as the advisors to be named in 2019. */
  vacancies: Vacancy[];
}

/** The group of table 1.A.ii that lists the member, if any. */
export function directoryGroupOf(kb: KnowledgeBase, member: IndexedMember): ParticipantGroup | undefined {
  return kb.catalog.meetings.steeringCommittee.participants.find((g) => g.members.includes(member.member.id));
}

/**
 * The given members by directory group, in the table's order, with the vacancies the filter admits;
 * groups with neither are left out.
 */
export function directoryGroups(
  kb: KnowledgeBase,
  members: readonly IndexedMember[],
  filter: Filter,
): DirectoryGroup[] {
  return kb.catalog.meetings.steeringCommittee.participants
    .map((group) => {
      const listed = members.filter((m) => group.members.includes(m.member.id));
      const roles = new Set(group.members.flatMap((id) => kb.memberById(id)?.member.roles.map((r) => r.role) ?? []));
      const vacancies = kb.catalog.members.vacancies.filter((v) => roles.has(v.role) && admitsVacancy(filter, v));
      return { group, members: listed, vacancies };
    })
    .filter((g) => g.members.length > 0 || g.vacancies.length > 0);
}

/** An unfilled place has no name, region, place or kind yet: only its role can be asked for. */
function admitsVacancy(filter: Filter, vacancy: Vacancy): boolean {
  if (isEmptyFilter(filter)) return true;
  const onlyRoles = filter.keywords.length === 0 && filter.regions.size === 0 && filter.places.size === 0;
  return onlyRoles && filter.memberKinds.size === 0 && filter.roles.has(vacancy.role);
}

/** How many holders of the vacancy's role the data names, and the year they were named (when all share one). */
export function namedHolders(kb: KnowledgeBase, vacancy: Vacancy): { count: number; since: number | undefined } {
  const roles = kb.members.flatMap((m) => m.member.roles.filter((r) => r.role === vacancy.role));
  const years = new Set(roles.map((r) => r.since));
  return { count: roles.length, since: years.size === 1 ? [...years][0] : undefined };
}
