import type { Category, MemberKind, Region, Role } from '../vocabulary.js';
import { criterionKey, type Criterion, type CriterionKind, type PlaceKey } from './criterion.js';
import { tokenize } from './normalize.js';
import type { PhraseDictionary } from './phrase-dictionary.js';

/**
 * What a free-text filter means: criteria of different kinds must all hold (Africa AND July);
 * several criteria of one kind are alternatives (Seoul OR Bamako). Words that are none of these
 * are keywords, each of which must start a word of the thing searched.
 */
export interface Filter {
  regions: Set<Region>;
  places: Set<PlaceKey>;
  months: { month: number; year?: number }[];
  years: Set<number>;
  categories: Set<Category>;
  online: boolean;
  roles: Set<Role>;
  memberKinds: Set<MemberKind>;
  keywords: string[];
  /** What was understood, in the order typed, for "what the filter understood" answers. */
  understood: Criterion[];
  /** The text as typed, common words included: "events general assembly un" names the UN General Assembly. */
  typed: string;
}

export function isEmptyFilter(filter: Filter): boolean {
  return filter.understood.length === 0 && filter.keywords.length === 0;
}

const YEAR_MONTH = /\b(\d{4})-(\d{2})\b/g;
const LONGEST_PHRASE = 4;

/**
 * Reads a filter as users type it: "africa", "juillet 2019", "2019-07", "ville de mexico forum".
 * `accepts` names the criteria the query can use; any other phrase is kept as keywords. `chosen`
 * are criteria picked from a platform's choices (Discord's region and month), read before the text.
 */
export function parseFilter(
  text: string,
  dictionary: PhraseDictionary,
  accepts: ReadonlySet<CriterionKind>,
  chosen: readonly Criterion[] = [],
): Filter {
  const filter: Filter = {
    regions: new Set(),
    places: new Set(),
    months: [],
    years: new Set(),
    categories: new Set(),
    online: false,
    roles: new Set(),
    memberKinds: new Set(),
    keywords: [],
    understood: [],
    typed: text,
  };
  const seen = new Set<string>();
  const add = (criterion: Criterion) => {
    const key = criterionKey(criterion);
    if (seen.has(key)) return;
    seen.add(key);
    filter.understood.push(criterion);
    apply(filter, criterion);
  };

  for (const criterion of chosen) if (accepts.has(criterion.kind)) add(criterion);
  const rest = text.replace(YEAR_MONTH, (whole, year: string, month: string) => {
    const m = Number(month);
    if (m < 1 || m > 12 || !accepts.has('month')) return whole;
    add({ kind: 'month', month: m, year: Number(year) });
    return ' ';
  });
  const tokens = tokenize(rest);
  for (let i = 0; i < tokens.length;) {
    let consumed = 0;
    for (let length = Math.min(LONGEST_PHRASE, tokens.length - i); length >= 1 && consumed === 0; length--) {
      const phrase = tokens.slice(i, i + length).join(' ');
      const criteria = dictionary.lookup(phrase).filter((c) => accepts.has(c.kind));
      if (criteria.length > 0) {
        criteria.forEach(add);
        consumed = length;
      }
    }
    if (consumed > 0) {
      i += consumed;
      continue;
    }
    const token = tokens[i]!;
    if (/^\d{4}$/.test(token) && accepts.has('year')) add({ kind: 'year', year: Number(token) });
    else if (!dictionary.isStopword(token)) filter.keywords.push(token);
    i += 1;
  }
  mergeMonthAndYear(filter);
  return filter;
}

function apply(filter: Filter, criterion: Criterion): void {
  switch (criterion.kind) {
    case 'region':
      filter.regions.add(criterion.region);
      break;
    case 'place':
      filter.places.add(criterion.place);
      break;
    case 'month':
      filter.months.push({ month: criterion.month, year: criterion.year });
      break;
    case 'year':
      filter.years.add(criterion.year);
      break;
    case 'category':
      filter.categories.add(criterion.category);
      break;
    case 'online':
      filter.online = true;
      break;
    case 'role':
      filter.roles.add(criterion.role);
      break;
    case 'member-kind':
      filter.memberKinds.add(criterion.memberKind);
      break;
  }
}

/** "july 2019" means the month of July 2019, not "July of any year, and anything in 2019". */
function mergeMonthAndYear(filter: Filter): void {
  if (filter.years.size !== 1 || filter.months.length === 0) return;
  const [year] = filter.years;
  filter.months = filter.months.map((m) => ({ month: m.month, year: m.year ?? year }));
  filter.years.clear();
  filter.understood = filter.understood
    .filter((c) => c.kind !== 'year')
    .map((c) => (c.kind === 'month' ? { ...c, year: c.year ?? year } : c));
}
