import type { EventFacets, IndexedEvent, KnowledgeBase } from './knowledge-base.js';
import { daysBetween } from './knowledge-base.js';
import type { CriterionKind } from './search/criterion.js';
import type { Filter } from './search/filter.js';

/** The criteria an event filter understands; other words are keywords. */
export const EVENT_CRITERIA: ReadonlySet<CriterionKind> = new Set(['region', 'place', 'month', 'year', 'category', 'online']);

/** An event that matched, and whether it matched by its main date or by another version's. */
export interface EventMatch {
  indexed: IndexedEvent;
  /** `other` when only another version of the seed puts the event in the place or period asked for. */
  via: 'main' | 'other';
}

/** Every event matching the filter, past or future, in date order. */
export function filterEvents(kb: KnowledgeBase, filter: Filter, from: readonly IndexedEvent[] = kb.events): EventMatch[] {
  const keywordHits = filter.keywords.length > 0 ? kb.eventIndex.matchAll(filter.keywords) : undefined;
  const matches: EventMatch[] = [];
  for (const indexed of from) {
    if (keywordHits && !keywordHits.has(indexed)) continue;
    const via = matchEvent(indexed, filter);
    if (via) matches.push({ indexed, via });
  }
  return matches;
}

function matchEvent(e: IndexedEvent, filter: Filter): EventMatch['via'] | false {
  if (filter.categories.size > 0 && !filter.categories.has(e.event.category)) return false;
  if (facetsMatch(e.main, filter)) return 'main';
  return e.others.some((facets) => facetsMatch(facets, filter)) ? 'other' : false;
}

function facetsMatch(facets: EventFacets, filter: Filter): boolean {
  if (filter.regions.size > 0 && !(facets.region && filter.regions.has(facets.region))) return false;
  if (filter.places.size > 0 && ![...facets.placeKeys].some((key) => filter.places.has(key))) return false;
  if (filter.online && !facets.online) return false;
  if (filter.years.size > 0 && ![...facets.monthKeys].some((key) => filter.years.has(Number(key.slice(0, 4))))) return false;
  return filter.months.length === 0 || inMonths(facets.monthKeys, filter);
}

function inMonths(monthKeys: ReadonlySet<string>, filter: Filter): boolean {
  return [...monthKeys].some((key) => {
    const year = Number(key.slice(0, 4));
    const month = Number(key.slice(5, 7));
    return filter.months.some((m) => m.month === month && (m.year === undefined || m.year === year));
  });
}

/** Events not yet over on `today` (an ISO day), in date order. */
export function notEnded(kb: KnowledgeBase, today: string): IndexedEvent[] {
  // Events are sorted by start, so nothing that started before the longest span ago can still run.
  const earliestStart = shiftDay(today, -kb.longestEventDays);
  const from = firstStartingOnOrAfter(kb.events, earliestStart);
  return kb.events.slice(from).filter((e) => e.event.when.end >= today);
}

/**
 * The answer to "what is next": events in progress today (day-precise ones only: an event known
 * only by its month cannot be said to be happening now), then what starts next. An event whose
 * day is unknown cannot be placed before a dated one, so any such event of the coming months is
 * listed up to and including the first dated event; events starting the same day as it come too.
 */
export function nextEvents(kb: KnowledgeBase, today: string, filter: Filter): { happeningNow: EventMatch[]; next: EventMatch[] } {
  const candidates = filterEvents(kb, filter, notEnded(kb, today)).filter((m) => m.via === 'main');
  const happeningNow = candidates.filter((m) => m.indexed.event.when.precision === 'day' && m.indexed.event.when.start <= today);
  const rest = candidates.filter((m) => !happeningNow.includes(m));
  const next: EventMatch[] = [];
  let firstDatedStart: string | undefined;
  for (const match of rest) {
    const when = match.indexed.event.when;
    if (firstDatedStart !== undefined && when.start !== firstDatedStart) break;
    next.push(match);
    if (when.precision === 'day') firstDatedStart ??= when.start;
  }
  return { happeningNow, next };
}

/** Events a name or keywords point to, best first: an exact id, else those matching every word. */
export function findEvents(kb: KnowledgeBase, filter: Filter, rawName: string): EventMatch[] {
  const byId = kb.eventById(rawName.trim().toLowerCase());
  if (byId) return [{ indexed: byId, via: 'main' }];
  return filterEvents(kb, filter);
}

function firstStartingOnOrAfter(events: readonly IndexedEvent[], day: string): number {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid]!.event.when.start < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function shiftDay(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export { daysBetween };
