import { Info } from 'luxon';
import type { Catalog } from '../catalog/load-catalog.js';
import type { City, Country, LocalizedText, Member, Partner, Place, Programme } from '../catalog/schema.js';
import { meetingEvents, meetingYears } from './meeting-events.js';
import { IndexedEvent, type PlaceLookup } from './indexed-event.js';
import type { PlaceKey } from './search/criterion.js';
import { normalize, pieceTokenizer } from './search/normalize.js';
import { PhraseDictionary } from './search/phrase-dictionary.js';
import { StepwiseBuild } from './search/stepwise-build.js';
import { TokenIndex } from './search/token-index.js';
import { CATEGORIES, LANGS, MEMBER_KINDS, REGIONS, ROLES, type Lang, type Region } from './vocabulary.js';

export interface KnowledgeBaseOptions {
  /**
   * A year the steering committee's rule meetings must reach (from the first year meetings.yaml
   * covers): they always reach the year after the latest that any data file's dates reach, and
   * this year too when it is later (the year after today's, for the running bot).
   */
  throughYear?: number;
}

export interface IndexedMember {
  member: Member;
  region: Region | undefined;
  placeKeys: ReadonlySet<PlaceKey>;
}

/** What the words of the events give: the event index, and the folded words of their titles. */
interface EventWords {
  index: TokenIndex<IndexedEvent>;
  titleWords: Record<Lang, ReadonlySet<string>>;
  /** Each event's folded title words (every language) and aliases. */
  titleWordsOf: Map<IndexedEvent, readonly string[]>;
}

/**
 * The GSEF knowledge, indexed for questions: built from the validated catalog, then only read.
 * Events are kept in date order. The indexes are built on first use, each on its own: a one-shot
 * answer (`gsef next-event`) pays only for what it reads; a server builds them all a step at a time
 * between the questions it answers ({@link indexBuildSteps}), and a question that reads an index
 * before then finishes that index's build first.
 */
export class KnowledgeBase implements PlaceLookup {
  readonly events: readonly IndexedEvent[];
  readonly members: readonly IndexedMember[];
  /** The longest span of any event, in days: how far back an event still in progress can start. */
  readonly longestEventDays: number;
  /** The last year whose rule meetings are events: answers about later years do not know them. */
  readonly throughYear: number;
  private readonly eventsById: Map<string, IndexedEvent>;
  private readonly membersById: Map<string, IndexedMember>;
  private readonly programmesById: Map<string, Programme>;
  /** The events in the order the data lists them (calendar rows, then meetings without one): the indexes' order. */
  private readonly eventsAsListed: readonly IndexedEvent[];
  /** Each event's place in {@link events}, by its place in the listing ({@link IndexedEvent.listed}). */
  private readonly datePositions: Int32Array;
  private readonly eventWords = new StepwiseBuild(() => this.indexEventWords(this.folding()));
  private readonly memberWords = new StepwiseBuild(() => this.indexMemberWords(this.folding()));
  private readonly memberNames = new StepwiseBuild(() => this.indexMemberNames());
  private readonly phrases = new StepwiseBuild(() => this.fillDictionary());
  private readonly facetIndex = new StepwiseBuild(() => this.indexFacets());
  /** Every index's build, in the order {@link buildIndexes} and {@link indexBuildSteps} run them. */
  private readonly indexBuilds: readonly StepwiseBuild<unknown>[] = [
    this.eventWords,
    this.memberWords,
    this.memberNames,
    this.phrases,
    this.facetIndex,
  ];

  constructor(
    readonly catalog: Catalog,
    options: KnowledgeBaseOptions = {},
  ) {
    const { fromYear, latestYear } = meetingYears(catalog);
    this.throughYear = Math.max(latestYear + 1, options.throughYear ?? 0);
    const meetings = meetingEvents(catalog, fromYear, this.throughYear);
    const rows = catalog.events.events;
    this.eventsAsListed = [
      ...rows.map((event, i) => new IndexedEvent(event, meetings.ofCalendarRows.get(event.id), true, i, this)),
      ...meetings.ownEvents.map(
        ({ event, meeting }, i) => new IndexedEvent(event, meeting, false, rows.length + i, this),
      ),
    ];
    this.events = [...this.eventsAsListed].sort(compareEvents);
    this.datePositions = new Int32Array(this.events.length);
    for (const [position, indexed] of this.events.entries()) this.datePositions[indexed.listed] = position;
    this.members = catalog.members.members.map((member) => this.indexMember(member));
    this.eventsById = new Map(this.events.map((e) => [e.event.id, e]));
    this.membersById = new Map(this.members.map((m) => [m.member.id, m]));
    this.programmesById = new Map(catalog.programmes.programmes.map((p) => [p.id, p]));
    this.longestEventDays = Math.max(0, ...this.events.map((e) => daysBetween(e.event.when.start, e.event.when.end)));
  }

  /** Events by the words of their titles, aliases, partners, places and ids. */
  get eventIndex(): TokenIndex<IndexedEvent> {
    return this.eventWords.value.index;
  }

  /** The folded words of the events' titles, by language: what tells a question's language. */
  get titleWords(): Record<Lang, ReadonlySet<string>> {
    return this.eventWords.value.titleWords;
  }

  /** The folded words of an event's titles (every language) and aliases: what ranks it by a name's words. */
  titleWordsOf(indexed: IndexedEvent): readonly string[] {
    return this.eventWords.value.titleWordsOf.get(indexed) ?? [];
  }

  get memberIndex(): TokenIndex<IndexedMember> {
    return this.memberWords.value;
  }

  /** The member one of whose names (any language) or aliases folds to `folded`: the data's first, if several. */
  memberByName(folded: string): IndexedMember | undefined {
    return this.memberNames.value.get(folded);
  }

  /** Every name the filter parser recognises, in every language. */
  get dictionary(): PhraseDictionary {
    return this.phrases.value;
  }

  /** Builds every index now: what a one-shot answer never needs, and a server does in steps ({@link indexBuildSteps}). */
  buildIndexes(): void {
    for (const build of this.indexBuilds) void build.value;
  }

  /** True once every index is built, by its steps or by the questions that read it. */
  get indexesBuilt(): boolean {
    return this.indexBuilds.every((build) => build.isBuilt);
  }

  /**
   * Builds every index a step at a time (an event or a member indexed, a place's or a language's words added),
   * yielding after each step, so that a server can run them in slices between its questions
   * (src/live-data/in-slices.ts). The indexes that a question has built meanwhile are not built
   * again; what the steps build is the same as {@link buildIndexes}.
   */
  *indexBuildSteps(): Generator<void, void, undefined> {
    for (const build of this.indexBuilds) while (!build.step()) yield;
  }

  /** Some of the events, in the order of {@link events}. */
  inDateOrder(some: Iterable<IndexedEvent>): IndexedEvent[] {
    const at = this.datePositions;
    return [...some].sort((a, b) => at[a.listed]! - at[b.listed]!);
  }

  eventById(id: string): IndexedEvent | undefined {
    return this.eventsById.get(id);
  }

  memberById(id: string): IndexedMember | undefined {
    return this.membersById.get(id);
  }

  programmeById(id: string): Programme | undefined {
    return this.programmesById.get(id);
  }

  city(id: string): City | undefined {
    return this.catalog.places.cities[id];
  }

  country(code: string): Country | undefined {
    return this.catalog.places.countries[code];
  }

  /** The region of a place: its country's, or `global` when online. */
  regionOf(place: Place | { city?: string; country?: string; online?: true } | undefined): Region | undefined {
    if (!place) return undefined;
    if (place.online) return 'global';
    const code = place.city ? this.city(place.city)?.country : place.country;
    return code ? this.country(code)?.region : undefined;
  }

  placeKeysOf(place: { city?: string; country?: string } | undefined): Set<PlaceKey> {
    const keys = new Set<PlaceKey>();
    if (!place) return keys;
    if (place.city) keys.add(`city:${place.city}`);
    const code = place.city ? this.city(place.city)?.country : place.country;
    if (code) keys.add(`country:${code}`);
    return keys;
  }

  /** Every name of a place, in every language, with its aliases: what search matches against. */
  private placeNames(place: { city?: string; country?: string } | undefined): string[] {
    const names: string[] = [];
    if (!place) return names;
    const city = place.city ? this.city(place.city) : undefined;
    if (city) names.push(...allLanguages(city.name), ...city.aliases);
    const code = city?.country ?? place.country;
    const country = code ? this.country(code) : undefined;
    if (country) names.push(...allLanguages(country.name), ...country.aliases);
    return names;
  }

  private *indexEventWords({ fold, place }: BuildWords): Generator<void, EventWords, undefined> {
    const index = new TokenIndex<IndexedEvent>();
    const titleWords = { en: new Set<string>(), fr: new Set<string>(), es: new Set<string>() };
    const titleWordsOf = new Map<IndexedEvent, readonly string[]>();
    for (const indexed of this.eventsAsListed) {
      const { event } = indexed;
      const tokens: string[] = [];
      for (const lang of LANGS) {
        const words = fold(event.title[lang]);
        for (const word of words) titleWords[lang].add(word);
        tokens.push(...words);
      }
      for (const alias of event.aliases) tokens.push(...fold(alias));
      titleWordsOf.set(indexed, [...new Set(tokens)]);
      const words = [
        ...event.partners.flatMap(partnerNames),
        ...event.otherVersions.flatMap((v) => (v.title ? allLanguages(v.title) : [])),
        event.id,
      ];
      for (const text of words) tokens.push(...fold(text));
      tokens.push(...place(event.place));
      index.add(indexed, tokens);
      yield;
    }
    return { index, titleWords, titleWordsOf };
  }

  /**
   * Events by facet value (`YYYY-MM`, month number, place, region, member), over every version
   * of each event: a filter starts from the smallest of these sets instead of scanning all events.
   */
  private *indexFacets(): Generator<void, Map<string, Set<IndexedEvent>>, undefined> {
    const byFacet = new Map<string, Set<IndexedEvent>>();
    const add = (key: string, indexed: IndexedEvent): void => {
      let events = byFacet.get(key);
      if (!events) byFacet.set(key, (events = new Set()));
      events.add(indexed);
    };
    for (const indexed of this.eventsAsListed) {
      for (const facets of [indexed.main, ...indexed.others]) {
        for (const key of facets.monthKeys) {
          add(`month:${key}`, indexed);
          add(`month-number:${Number(key.slice(5, 7))}`, indexed);
        }
        for (const key of facets.placeKeys) add(key, indexed);
        if (facets.region) add(`region:${facets.region}`, indexed);
      }
      for (const id of indexed.event.involves) add(`member:${id}`, indexed);
      yield;
    }
    return byFacet;
  }

  /** The events with any of the given facet values (empty set when none). */
  eventsWithAnyFacet(keys: readonly string[]): Set<IndexedEvent> {
    const byFacet = this.facetIndex.value;
    if (keys.length === 1) return byFacet.get(keys[0]!) ?? new Set();
    const union = new Set<IndexedEvent>();
    for (const key of keys) for (const e of byFacet.get(key) ?? []) union.add(e);
    return union;
  }

  private indexMember(member: Member): IndexedMember {
    const place = { city: member.city, country: member.country };
    return { member, region: member.region ?? this.regionOf(place), placeKeys: this.placeKeysOf(place) };
  }

  private *indexMemberWords({
    fold,
    place: placeTokens,
  }: BuildWords): Generator<void, TokenIndex<IndexedMember>, undefined> {
    const index = new TokenIndex<IndexedMember>();
    const { participants } = this.catalog.meetings.steeringCommittee;
    for (const indexed of this.members) {
      const { member } = indexed;
      // The name of its group in the steering-committee table, so that `members steering committee` finds the 13.
      const groups = participants.filter((g) => g.members.includes(member.id));
      const words = [
        ...allLanguages(member.name),
        ...member.aliases,
        ...groups.flatMap((g) => allLanguages(g.group)),
        member.id,
      ];
      index.add(indexed, [
        ...words.flatMap((text) => fold(text)),
        ...placeTokens({ city: member.city, country: member.country }),
      ]);
      yield;
    }
    return index;
  }

  private *indexMemberNames(): Generator<void, Map<string, IndexedMember>, undefined> {
    const byName = new Map<string, IndexedMember>();
    for (const indexed of this.members) {
      for (const name of [...allLanguages(indexed.member.name), ...indexed.member.aliases]) {
        const folded = normalize(name);
        if (!byName.has(folded)) byName.set(folded, indexed);
      }
      yield;
    }
    return byName;
  }

  /** Teaches the filter parser every name it should recognise, in every language. */
  private *fillDictionary(): Generator<void, PhraseDictionary, undefined> {
    const d = new PhraseDictionary();
    for (const [id, city] of Object.entries(this.catalog.places.cities)) {
      for (const name of [...allLanguages(city.name), ...city.aliases])
        d.addPhrase(name, { kind: 'place', place: `city:${id}` });
      yield;
    }
    for (const [code, country] of Object.entries(this.catalog.places.countries)) {
      for (const name of [...allLanguages(country.name), ...country.aliases])
        d.addPhrase(name, { kind: 'place', place: `country:${code}` });
      yield;
    }
    for (const lang of LANGS) {
      const words = (key: string): string[] => {
        const value = this.catalog.locales[lang].get(key);
        return value === undefined ? [] : Array.isArray(value) ? value : [value];
      };
      for (const region of REGIONS) {
        // "Global" / "Mondial" also stand in event titles (GSEF Global Youth Camp): only the search words count.
        const names = region === 'global' ? [] : words(`region.${region}`);
        for (const w of [...names, ...words(`search.region.${region}`)]) d.addPhrase(w, { kind: 'region', region });
      }
      for (const category of CATEGORIES)
        for (const w of [...words(`category.${category}`), ...words(`search.category.${category}`)])
          d.addPhrase(w, { kind: 'category', category });
      for (const role of ROLES)
        for (const w of [...words(`role.${role}`), ...words(`search.role.${role}`)])
          d.addPhrase(w, { kind: 'role', role });
      for (const memberKind of MEMBER_KINDS)
        for (const w of [...words(`memberKind.${memberKind}`), ...words(`search.memberKind.${memberKind}`)])
          d.addPhrase(w, { kind: 'member-kind', memberKind });
      for (const w of words('search.online')) d.addPhrase(w, { kind: 'online' });
      for (const w of words('search.stopwords')) d.addStopword(w);
      const months = [...Info.months('long', { locale: lang }), ...Info.months('short', { locale: lang })];
      months.forEach((name, i) => d.addPhrase(name, { kind: 'month', month: (i % 12) + 1 }));
      yield;
    }
    return d;
  }

  /** Folding for one index's build: words recur across titles, places, partners and groups, and each is folded once. */
  private folding(): BuildWords {
    const fold = pieceTokenizer();
    const placeTokens = new Map<string, readonly string[]>();
    return {
      fold,
      place: (place) => {
        const key = `${place?.city ?? ''}|${place?.country ?? ''}`;
        let tokens = placeTokens.get(key);
        if (!tokens) placeTokens.set(key, (tokens = this.placeNames(place).flatMap(fold)));
        return tokens;
      },
    };
  }
}

export function allLanguages(text: LocalizedText): string[] {
  return LANGS.map((lang: Lang) => text[lang]);
}

/** How the indexes fold what they are built from, each text and each place once. */
interface BuildWords {
  fold(text: string): readonly string[];
  /** The folded names of a place, in every language, with their aliases. */
  place(place: { city?: string; country?: string } | undefined): readonly string[];
}

function partnerNames(partner: Partner): string[] {
  return typeof partner === 'string' ? [partner] : allLanguages(partner);
}

/** Events whose days are known first among those starting on the same day, then by end. */
function compareEvents(a: IndexedEvent, b: IndexedEvent): number {
  return (
    compareIsoDays(a.event.when.start, b.event.when.start) ||
    Number(!a.exactDays) - Number(!b.exactDays) ||
    compareIsoDays(a.event.when.end, b.event.when.end)
  );
}

/** ISO days (YYYY-MM-DD) sort as plain text: no collation (localeCompare was a tenth of the index build at 100x). */
function compareIsoDays(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function daysBetween(fromIsoDay: string, toIsoDay: string): number {
  return Math.round((Date.parse(toIsoDay) - Date.parse(fromIsoDay)) / 86_400_000);
}
