import type { EventFacets, IndexedEvent } from './indexed-event.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { tokenize } from './search/normalize.js';
import { EVERY_CRITERION, type CriterionKind } from './search/criterion.js';
import { parseFilter, type Filter } from './search/filter.js';

/** The criteria an event filter understands: all but a member's role and kind; other words are keywords. */
export const EVENT_CRITERIA: ReadonlySet<CriterionKind> = new Set(
  [...EVERY_CRITERION].filter((kind) => kind !== 'role' && kind !== 'member-kind'),
);

/** An event that matched, and whether it matched by its main date or by another version's. */
export interface EventMatch {
  indexed: IndexedEvent;
  /** `other` when only another version of the seed puts the event in the place or period asked for. */
  via: 'main' | 'other';
}

/** Every event matching the filter, past or future, in date order. */
export function filterEvents(
  kb: KnowledgeBase,
  filter: Filter,
  from: readonly IndexedEvent[] = kb.events,
): EventMatch[] {
  const candidates = candidateEvents(kb, filter);
  // The few candidates of a search, put in date order, rather than every event looked up in them.
  const scanned = candidates && from === kb.events ? kb.inDateOrder(candidates) : from;
  const matches: EventMatch[] = [];
  for (const indexed of scanned) {
    if (candidates && !candidates.has(indexed)) continue;
    const via = matchEvent(indexed, filter);
    if (via) matches.push({ indexed, via });
  }
  return matches;
}

/**
 * The events that can match, from the indexes: the smallest of the sets that the keywords, the
 * months, the places and the regions select (each still checked in full afterwards), or
 * undefined when the filter selects nothing by index.
 */
function candidateEvents(kb: KnowledgeBase, filter: Filter): Set<IndexedEvent> | undefined {
  const sets: Set<IndexedEvent>[] = [];
  if (filter.keywords.length > 0) sets.push(kb.eventIndex.matchAll(filter.keywords) ?? new Set());
  if (filter.months.length > 0) {
    sets.push(
      kb.eventsWithAnyFacet(
        filter.months.map((m) =>
          m.year === undefined ? `month-number:${m.month}` : `month:${m.year}-${String(m.month).padStart(2, '0')}`,
        ),
      ),
    );
  }
  if (filter.places.size > 0) sets.push(kb.eventsWithAnyFacet([...filter.places]));
  if (filter.regions.size > 0) sets.push(kb.eventsWithAnyFacet([...filter.regions].map((r) => `region:${r}`)));
  return sets.sort((a, b) => a.size - b.size)[0];
}

function matchEvent(e: IndexedEvent, filter: Filter): EventMatch['via'] | false {
  if (filter.categories.size > 0 && !filter.categories.has(e.event.category)) return false;
  if (facetsMatch(e.main, filter)) return 'main';
  return e.others.some((facets) => facetsMatch(facets, filter)) ? 'other' : false;
}

function facetsMatch(facets: EventFacets, filter: Filter): boolean {
  if (filter.regions.size > 0 && !(facets.region && filter.regions.has(facets.region))) return false;
  if (filter.places.size > 0 && !anyIn(facets.placeKeys, filter.places)) return false;
  if (filter.online && !facets.online) return false;
  if (filter.years.size > 0 && !inYears(facets.monthKeys, filter)) return false;
  return filter.months.length === 0 || inMonths(facets.monthKeys, filter);
}

// Plain loops (as anyIn's): these run for every candidate of a period asked for, and a callback
// capturing the filter or the month was a closure for each.
function inYears(monthKeys: ReadonlySet<string>, filter: Filter): boolean {
  for (const key of monthKeys) if (filter.years.has(Number(key.slice(0, 4)))) return true;
  return false;
}

function inMonths(monthKeys: ReadonlySet<string>, filter: Filter): boolean {
  for (const key of monthKeys) {
    const year = Number(key.slice(0, 4));
    const month = Number(key.slice(5, 7));
    for (const m of filter.months) if (m.month === month && (m.year === undefined || m.year === year)) return true;
  }
  return false;
}

// Plain loops: these run for every candidate of every query, and spreading sets into arrays
// there was most of the garbage a query made.
export function anyIn<T>(values: ReadonlySet<T>, wanted: ReadonlySet<T>): boolean {
  for (const value of values) if (wanted.has(value)) return true;
  return false;
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
 * listed up to and including the first dated event; events starting the same day as it come too. A
 * rule meeting, known by its week, comes before what starts after its week.
 * Events are scanned in start order from the earliest that can still be running, and the scan
 * stops as soon as the answer is complete: its cost does not grow with the years of data ahead.
 */
export function nextEvents(
  kb: KnowledgeBase,
  today: string,
  filter: Filter,
): { happeningNow: EventMatch[]; next: EventMatch[] } {
  const candidates = candidateEvents(kb, filter);
  const happeningNow: EventMatch[] = [];
  const next: EventMatch[] = [];
  let firstStartsBy: string | undefined;
  const events = kb.events;
  for (let i = firstStartingOnOrAfter(events, shiftDay(today, -kb.longestEventDays)); i < events.length; i++) {
    const indexed = events[i]!;
    const when = indexed.event.when;
    if (firstStartsBy !== undefined && when.start > firstStartsBy) break;
    if (when.end < today || (candidates && !candidates.has(indexed)) || matchEvent(indexed, filter) !== 'main')
      continue;
    if (indexed.exactDays && when.start <= today) {
      happeningNow.push({ indexed, via: 'main' });
      continue;
    }
    next.push({ indexed, via: 'main' });
    if (indexed.startsBy !== undefined && (firstStartsBy === undefined || indexed.startsBy < firstStartsBy))
      firstStartsBy = indexed.startsBy;
  }
  return { happeningNow, next };
}

/**
 * Events a name or keywords point to, best first: an exact id, else those matching the filter,
 * else those whose words hold every word of the name, the filter's criteria read as words: the
 * "Séminaire de *Recherche*" is a networking event, and "GSEF *2020*" names no year of events.
 */
export function findEvents(kb: KnowledgeBase, filter: Filter, rawName: string): EventMatch[] {
  const byId = kb.eventById(rawName.trim().toLowerCase());
  if (byId) return [{ indexed: byId, via: 'main' }];
  const matches = filterEvents(kb, filter);
  if (matches.length > 0 || filter.understood.length === 0) return matches;
  return filterEvents(kb, parseFilter(rawName, kb.dictionary, NO_CRITERIA));
}

const NO_CRITERIA: ReadonlySet<CriterionKind> = new Set();

/**
 * The matches in order of how many words of the name their titles hold, then as given (a stable
 * sort): "ateliers de formation pour l'Afrique de l'Est et du *Sud*" names the Kampala workshops
 * before the Dakar ones, though both are workshops in Africa.
 */
export function byTitleWords(kb: KnowledgeBase, matches: readonly EventMatch[], name: string): EventMatch[] {
  const words = tokenize(name).filter((word) => !kb.dictionary.isStopword(word));
  // A count, not a filtered list: at scale a name matches hundreds of events.
  const held = ({ indexed }: EventMatch): number => {
    let count = 0;
    const titleWords = kb.titleWordsOf(indexed);
    for (const word of words) if (titleWords.includes(word)) count += 1;
    return count;
  };
  // Ordered by count without a map of pairs: the counts are at most the number of words, so the
  // matches are taken by count, most first, each count's in the order given (stable).
  const counts = matches.map(held);
  const ordered: EventMatch[] = [];
  for (let count = words.length; count >= 0; count--)
    for (let i = 0; i < matches.length; i++) if (counts[i] === count) ordered.push(matches[i]!);
  return ordered;
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
