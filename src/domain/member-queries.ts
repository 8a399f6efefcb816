import { anyIn } from './event-queries.js';
import type { IndexedEvent, IndexedMember, KnowledgeBase } from './knowledge-base.js';
import type { CriterionKind } from './search/criterion.js';
import type { Filter } from './search/filter.js';

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
  const byId = kb.memberById(rawName.trim().toLowerCase());
  return byId ? [byId] : filterMembers(kb, filter);
}

/** Events still to come that involve the member or take place in its city, in date order. */
export function upcomingEventsOf(kb: KnowledgeBase, member: IndexedMember, today: string): IndexedEvent[] {
  const city = member.member.city;
  const related = kb.eventsWithAnyFacet([`member:${member.member.id}`, ...(city ? [`city:${city}`] : [])]);
  return kb.events.filter(
    (e) =>
      related.has(e) &&
      e.event.when.end >= today &&
      (e.event.involves.includes(member.member.id) || e.event.place?.city === city),
  );
}
