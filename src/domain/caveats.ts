import type { Caveat } from '../catalog/schema.js';
import type { EventDate } from './event-date.js';
import type { KnowledgeBase } from './knowledge-base.js';

/** The caveats of the years the given dates touch, in the data's order: a year's note only with that year's facts. */
export function caveatsFor(kb: KnowledgeBase, dates: readonly EventDate[]): Caveat[] {
  const years = new Set<number>();
  for (const date of dates) {
    for (let year = Number(date.start.slice(0, 4)); year <= Number(date.end.slice(0, 4)); year++) years.add(year);
  }
  return kb.catalog.events.caveats.filter((caveat) => years.has(caveat.year));
}
