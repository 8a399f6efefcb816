import { Info } from 'luxon';
import { EVENT_CRITERIA } from '../../domain/event-queries.js';
import type { KnowledgeBase } from '../../domain/knowledge-base.js';
import type { Criterion } from '../../domain/search/criterion.js';
import { parseFilter } from '../../domain/search/filter.js';
import { REGIONS } from '../../domain/vocabulary.js';

/** Turns the values of Discord's region and month choices back into words of a filter. */
export interface FilterWords {
  /** `latin-america` -> `latin america`; an unknown value is passed on as typed. */
  region(value: string): string;
  /** `7` -> `july`; an unknown value is passed on as typed. */
  month(value: string): string;
}

/**
 * Finds, once, the words the filter parser reads as each region and month, by asking the parser
 * itself: the English name of a region is not always one of them ("Global" is kept out of the
 * dictionary because event titles use it; "Latin America and the Caribbean" is longer than the
 * longest phrase it reads), so the first English name or search word that parses as exactly that
 * region is used.
 */
export function filterWords(kb: KnowledgeBase): FilterWords {
  const english = kb.catalog.locales.en;
  const words = (key: string): string[] => {
    const value = english.get(key);
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  const means = (text: string, expected: Criterion): boolean => {
    const filter = parseFilter(text, kb.dictionary, EVENT_CRITERIA);
    return (
      filter.keywords.length === 0 &&
      filter.understood.length === 1 &&
      JSON.stringify(filter.understood[0]) === JSON.stringify(expected)
    );
  };
  const regions = new Map<string, string>();
  for (const region of REGIONS) {
    const word = [...words(`region.${region}`), ...words(`search.region.${region}`), region].find((w) =>
      means(w, { kind: 'region', region }),
    );
    if (word !== undefined) regions.set(region, word.toLowerCase());
  }
  const months = new Map<string, string>();
  Info.months('long', { locale: 'en' }).forEach((name, i) => {
    if (means(name, { kind: 'month', month: i + 1 })) months.set(String(i + 1), name.toLowerCase());
  });
  return {
    region: (value) => regions.get(value) ?? value,
    month: (value) => months.get(value) ?? value,
  };
}
