import type { LocalizedText, Orientation, Partner, Place, Programme } from '../catalog/schema.js';
import { allLanguages, type KnowledgeBase } from './knowledge-base.js';
import { byLanguage } from './localized-text.js';
import { normalize, tokenize } from './search/normalize.js';
import { LANGS, type Lang } from './vocabulary.js';

/**
 * One part of the 2019 programme that a topic can point to: section 1 (the statutory meetings,
 * whose data is meetings.yaml), one of the programmes of sections 2-8, or a strategic orientation.
 */
export type ProgrammePart =
  | { kind: 'statutory-meetings' }
  | { kind: 'programme'; programme: Programme }
  | { kind: 'orientation'; number: number; orientation: Orientation };

/** Which kind of text of a part the words were found in: the presenters name it ("target countries"). */
export const FIELD_KINDS = [
  'title',
  'objective',
  'action',
  'partner',
  'target-countries',
  'place',
  'phase',
  'past-edition',
  'audience',
  'content',
  'fact',
  'note',
  'event',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** A text of a part that a topic matched, in every language. */
export interface MatchedField {
  kind: FieldKind;
  text: LocalizedText;
}

export interface ProgrammeMatch {
  part: ProgrammePart;
  /** Higher is better; only comparable between the matches of one search. */
  score: number;
  /** The text that holds most of the topic's words: what to quote when naming the match. */
  matched: MatchedField;
}

interface IndexedField extends MatchedField {
  weight: number;
  tokens: ReadonlySet<string>;
  /**
   * The tokens long enough to share a stem, by their first SHORTEST_STEM letters: two words of one
   * stem begin alike, so a word is compared with these few rather than with every token.
   */
  stems: ReadonlyMap<string, readonly string[]>;
}

interface IndexedPart {
  part: ProgrammePart;
  fields: readonly IndexedField[];
}

interface ProgrammeIndex {
  parts: readonly IndexedPart[];
  /** Folded words that ask for a strategic orientation by number ("orientation 2", "axe 2"). */
  orientationWords: ReadonlySet<string>;
  /** Ordinal words, folded, and their number: "fourth" and "quatrième" are 4 ("the fourth strategic orientation"). */
  ordinals: ReadonlyMap<string, number>;
}

/** Title words count three times as much as words of the body; a calendar row's title half as much. */
/** The orientations' numbers, each with its ordinal words in the locale files (`search.ordinals.<n>`). */
const ORDINALS = [1, 2, 3, 4] as const;

const WEIGHTS: Record<FieldKind, number> = {
  title: 3,
  objective: 1,
  action: 1,
  partner: 1,
  'target-countries': 1,
  place: 1,
  phase: 1,
  'past-edition': 1,
  audience: 1,
  content: 1,
  fact: 1,
  note: 0.5,
  event: 0.5,
};

/** Each further text of a part holding a word adds this share of the word's weight: a tie goes to the part that says more of it. */
const SPREAD_BONUS = 0.1;
/** Shorter words than this match only whole words: "mont" must not find "month". */
const SHORTEST_STEM = 5;
/** The most letters an ending adds to a word: plurals and genders ("dialogue", "dialogues"; "african", "africa"). */
const LONGEST_ENDING = 3;

/** The parts in the seed's order: section 1, sections 2-8 as programmes.yaml lists them, then the four orientations. */
export function programmeParts(kb: KnowledgeBase): readonly ProgrammePart[] {
  return indexOf(kb).parts.map((p) => p.part);
}

/**
 * The parts of the programme a free text is about, best first (empty when none is): its folded
 * words, common words left out, are matched against every text of every part in the three
 * languages, place and country names with their aliases included; a rarer word counts more, a
 * title word three times more. "orientation 2" (or "axe 2", "eje 2") is the second strategic
 * orientation.
 */
export function searchProgrammes(kb: KnowledgeBase, text: string): ProgrammeMatch[] {
  const index = indexOf(kb);
  const folded = tokenize(text);
  const words = [...new Set(folded.filter((w) => !kb.dictionary.isStopword(w) && !index.orientationWords.has(w)))];
  const askedOrientation = orientationAskedFor(index, folded);
  const rest = askedOrientation ? words.filter((w) => w !== String(askedOrientation.number)) : words;
  const matches = rank(index.parts, rest);
  if (!askedOrientation) return matches;
  const top = Math.max(0, ...matches.map((m) => m.score));
  const others = matches.filter((m) => m.part !== askedOrientation);
  const title = index.parts.find((p) => p.part === askedOrientation)!.fields[0]!;
  return [{ part: askedOrientation, score: top + 1, matched: { kind: title.kind, text: title.text } }, ...others];
}

function rank(parts: readonly IndexedPart[], words: readonly string[]): ProgrammeMatch[] {
  if (words.length === 0) return [];
  const stems = words.map(stemOf);
  // A small number ("1", "2") is in most parts: it adds to the score, not to what is held.
  const smallNumber = words.map((word) => /^\d{1,2}$/.test(word));
  // The rarity of a word needs every part's matches before any part's score: the matches are
  // kept per part and word (not per text: at 100x a part has hundreds of texts, and an array of
  // them per part and word was most of what a search allocated).
  const found: WordsInPart[] = [];
  for (const part of parts) {
    const inPart = wordsIn(part, words, stems);
    if (inPart) found.push(inPart);
  }
  const rarity = words.map((_, w) => {
    const holding = found.filter((f) => f.best[w]! > 0).length;
    return holding === 0 ? 0 : Math.log(1 + parts.length / holding);
  });
  const ranked: { part: ProgrammePart; score: number; matched: IndexedField; size: number }[] = [];
  for (const { part, best, spread, matched } of found) {
    let score = 0;
    let held = 0;
    words.forEach((_, w) => {
      if (best[w] === 0) return;
      if (!smallNumber[w]) held += 1;
      score += rarity[w]! * (best[w]! + SPREAD_BONUS * spread[w]!);
    });
    // A part that holds less than half of the question's words (common words aside) is not what was
    // asked: "<script>alert(1)</script> @everyone" does not name the advisors' meetings "every" six months.
    if (score > 0 && held * 2 >= words.length) ranked.push({ part, score, matched, size: matched.tokens.size });
  }
  // Between equal scores, the part whose matching text is shorter says more precisely what was asked:
  // AVPN as a partner of the Asia dialogue before AVPN in the list of the committee's 13 members.
  return ranked
    .sort((a, b) => b.score - a.score || a.size - b.size)
    .map(({ part, score, matched }) => ({ part, score, matched: { kind: matched.kind, text: matched.text } }));
}

/** What a part holds of a question's words, by word (index in the question's words). */
interface WordsInPart {
  part: ProgrammePart;
  /** The word's best weighted quality in any of the part's texts; 0 where none holds it. */
  best: number[];
  /** How many more of the part's texts hold the word besides the first. */
  spread: number[];
  /** The text holding most of the words: with as many, the one of higher weight, then the one holding an earlier word. */
  matched: IndexedField;
}

/** The words `part` holds, or undefined when its texts hold none of them. */
function wordsIn(
  { part, fields }: IndexedPart,
  words: readonly string[],
  stems: readonly (string | undefined)[],
): WordsInPart | undefined {
  let found: WordsInPart | undefined;
  let matchedCount = 0;
  let matchedFirstWord = 0;
  // Plain loops: this runs for every text of every part, and a callback per text would be a closure per text.
  for (const field of fields) {
    let count = 0;
    let firstWord = -1;
    for (let w = 0; w < words.length; w++) {
      const quality = field.weight * matchQuality(words[w]!, stems[w], field);
      if (quality === 0) continue;
      found ??= { part, best: words.map(() => 0), spread: words.map(() => -1), matched: field };
      found.best[w] = Math.max(found.best[w]!, quality);
      found.spread[w]! += 1;
      count += 1;
      if (firstWord < 0) firstWord = w;
    }
    if (!found || count === 0) continue;
    // Ties go to the earlier word, then the earlier text: the order the words first met the texts in.
    const better =
      count > matchedCount ||
      (count === matchedCount &&
        (field.weight > found.matched.weight ||
          (field.weight === found.matched.weight && firstWord < matchedFirstWord)));
    if (better) {
      found.matched = field;
      matchedCount = count;
      matchedFirstWord = firstWord;
    }
  }
  return found;
}

/** The first letters by which a word's stem is looked up, or undefined for a word matched only whole. */
function stemOf(word: string): string | undefined {
  return word.length < SHORTEST_STEM || /^\d+$/.test(word) ? undefined : word.slice(0, SHORTEST_STEM);
}

/** 1 for the same word, 0.6 for the same word with another ending ("recherche", "recherches"), else 0. */
function matchQuality(word: string, stem: string | undefined, field: IndexedField): number {
  if (field.tokens.has(word)) return 1;
  if (stem === undefined) return 0;
  // An ending less than the word itself: "promotional material" is the communication's, not "Networking and Promotion".
  // Most texts have no token of the word's stem: no empty array made for each of them.
  const tokens = field.stems.get(stem);
  if (tokens) for (const token of tokens) if (sameStem(word, token)) return 0.6;
  return 0;
}

/** `tokens` that may share a stem with another word, by their first SHORTEST_STEM letters. */
function byStem(tokens: ReadonlySet<string>): ReadonlyMap<string, readonly string[]> {
  const stems = new Map<string, string[]>();
  for (const token of tokens) {
    if (token.length < SHORTEST_STEM) continue;
    const start = token.slice(0, SHORTEST_STEM);
    stems.set(start, [...(stems.get(start) ?? []), token]);
  }
  return stems;
}

/** One word starts the other, and the rest is no longer than an ending: "meeting" and "meetings", not "mont" and "montreal". */
function sameStem(a: string, b: string): boolean {
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return (
    shorter.length >= SHORTEST_STEM && longer.length - shorter.length <= LONGEST_ENDING && longer.startsWith(shorter)
  );
}

function orientationAskedFor(
  index: ProgrammeIndex,
  folded: readonly string[],
): Extract<ProgrammePart, { kind: 'orientation' }> | undefined {
  if (!folded.some((w) => index.orientationWords.has(w))) return undefined;
  const number = folded.map((w) => index.ordinals.get(w) ?? Number(w)).find((n) => Number.isInteger(n) && n > 0);
  return index.parts
    .map((p) => p.part)
    .find((p): p is Extract<ProgrammePart, { kind: 'orientation' }> => p.kind === 'orientation' && p.number === number);
}

// The index is built once per knowledge base, on first use: the catalog does not change after load.
const INDEXES = new WeakMap<KnowledgeBase, ProgrammeIndex>();

function indexOf(kb: KnowledgeBase): ProgrammeIndex {
  let index = INDEXES.get(kb);
  if (!index) INDEXES.set(kb, (index = buildIndex(kb)));
  return index;
}

function buildIndex(kb: KnowledgeBase): ProgrammeIndex {
  const locale = (lang: Lang, key: string): string[] => {
    const value = kb.catalog.locales[lang].get(key);
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
  const inAllLanguages = (key: string): LocalizedText => ({
    en: locale('en', key).join(', '),
    fr: locale('fr', key).join(', '),
    es: locale('es', key).join(', '),
  });
  // What people call each kind of text ("past editions", "public ciblé"): found with the text itself.
  const kindWords = (kind: FieldKind): string[] =>
    LANGS.flatMap((lang) => locale(lang, `search.programmeField.${kind}`));
  const field = (kind: FieldKind, text: LocalizedText, extraWords: readonly string[] = []): IndexedField => {
    const tokens = new Set([...allLanguages(text), ...extraWords, ...kindWords(kind)].flatMap(tokenize));
    return { kind, text, weight: WEIGHTS[kind], tokens, stems: byStem(tokens) };
  };
  const eventFields = (ids: readonly string[]): IndexedField[] =>
    ids.flatMap((id) => {
      const event = kb.eventById(id)?.event;
      return event ? [field('event', event.title, [event.when.start.slice(0, 4)])] : [];
    });
  const placeField = (place: Place | undefined, extraWords: readonly string[] = []): IndexedField[] =>
    place ? [field('place', placeText(kb, place), [...placeAliases(kb, place), ...extraWords])] : [];

  const { steeringCommittee, advisors } = kb.catalog.meetings;
  const statutory: IndexedPart = {
    part: { kind: 'statutory-meetings' },
    fields: [
      field('title', inAllLanguages('programme.statutoryTitle'), [
        ...LANGS.flatMap((lang) => locale(lang, 'search.category.statutory-meeting')),
        ...allLanguages(steeringCommittee.name),
        ...allLanguages(advisors.name),
      ]),
      ...steeringCommittee.purpose.map((text) => field('objective', text)),
      ...steeringCommittee.agendas.flatMap((a) => a.items.map((text) => field('fact', text, [String(a.year)]))),
      ...steeringCommittee.participants.map((g) =>
        field('audience', joined([g.group, g.details]), typeof g.count === 'number' ? [String(g.count)] : []),
      ),
      field('fact', advisors.frequency),
      ...advisors.agendaSuggestions.map((text) => field('fact', text)),
      ...advisors.meetings.flatMap((m) => placeField(m.place, [m.when.start.slice(0, 4)])),
      ...eventFields([
        ...steeringCommittee.occurrences.flatMap((o) => (o.event ? [o.event] : [])),
        ...advisors.meetings.flatMap((m) => (m.event ? [m.event] : [])),
      ]),
    ],
  };
  const programmes: IndexedPart[] = kb.catalog.programmes.programmes.map((programme) => ({
    part: { kind: 'programme', programme },
    fields: [
      field('title', programme.title, [
        ...LANGS.flatMap((lang) => [
          ...locale(lang, `category.${programme.category}`),
          ...locale(lang, `search.category.${programme.category}`),
        ]),
      ]),
      ...programme.objectives.map((text) => field('objective', text)),
      ...(programme.partners.length > 0 ? [field('partner', joinedList(programme.partners.map(partnerText)))] : []),
      ...(programme.targetCountries.length > 0 ? [targetCountriesField(kb, programme, field)] : []),
      ...placeField(programme.place, programme.when ? [programme.when.start.slice(0, 4)] : []),
      ...programme.phases.map((phase) =>
        field('phase', joined([phase.name, phase.actions]), [phase.when.start.slice(0, 4), phase.when.end.slice(0, 4)]),
      ),
      ...programme.pastEditions.map((edition) =>
        field('past-edition', joined([placeText(kb, edition.place), edition.theme]), [
          edition.date.start.slice(0, 4),
          ...placeAliases(kb, edition.place),
          String(edition.participants),
        ]),
      ),
      ...(programme.audience
        ? [
            field(
              'audience',
              programme.audience,
              programme.expectedParticipants ? [String(programme.expectedParticipants)] : [],
            ),
          ]
        : []),
      ...(programme.content ? [field('content', programme.content)] : []),
      ...programme.facts.map((fact) => field('fact', joined([fact.label, fact.value]))),
      ...programme.notes.map((text) => field('note', text)),
      // Another version's title is what the seed also says, not the part's name: "pour l'Afrique de
      // l'Ouest" in 5.C's title must not make it the West African programme.
      ...programme.otherVersions.flatMap((v) => (v.title ? [field('note', v.title)] : [])),
      ...programme.otherVersions.flatMap((v) => (v.note ? [field('note', v.note)] : [])),
      ...eventFields(programme.events),
    ],
  }));
  const orientations: IndexedPart[] = kb.catalog.programmes.orientations.map((orientation, i) => ({
    part: { kind: 'orientation', number: i + 1, orientation },
    fields: [field('title', orientation.title), ...orientation.actions.map((text) => field('action', text))],
  }));
  return {
    parts: [statutory, ...programmes, ...orientations],
    orientationWords: new Set(LANGS.flatMap((lang) => locale(lang, 'programme.orientationWords')).flatMap(tokenize)),
    ordinals: new Map(
      LANGS.flatMap((lang) =>
        ORDINALS.flatMap((n) => locale(lang, `search.ordinals.${n}`).map((w): [string, number] => [normalize(w), n])),
      ),
    ),
  };
}

function targetCountriesField(
  kb: KnowledgeBase,
  programme: Programme,
  field: (kind: FieldKind, text: LocalizedText, extraWords: readonly string[]) => IndexedField,
): IndexedField {
  const countries = programme.targetCountries.flatMap((code) => {
    const country = kb.country(code);
    return country ? [country] : [];
  });
  return field(
    'target-countries',
    joinedList(countries.map((c) => c.name)),
    countries.flatMap((c) => c.aliases),
  );
}

/** "Seoul, South Korea" in every language; the presenters format places for display. */
function placeText(kb: KnowledgeBase, place: Place): LocalizedText {
  const city = place.city ? kb.city(place.city) : undefined;
  const code = city?.country ?? place.country;
  const country = code ? kb.country(code) : undefined;
  const names = [city?.name, country?.name].filter((n): n is LocalizedText => n !== undefined);
  return joinedList(names);
}

function placeAliases(kb: KnowledgeBase, place: Place): string[] {
  const city = place.city ? kb.city(place.city) : undefined;
  const code = city?.country ?? place.country;
  return [...(city?.aliases ?? []), ...((code ? kb.country(code)?.aliases : undefined) ?? [])];
}

function partnerText(partner: Partner): LocalizedText {
  return typeof partner === 'string' ? { en: partner, fr: partner, es: partner } : partner;
}

/** Texts one after the other, as one text: "Phase 0 (1st quarter 2019): Identification of…". */
function joined(texts: readonly LocalizedText[]): LocalizedText {
  return byLanguage((lang) => texts.map((t) => t[lang]).join(' — '));
}

function joinedList(texts: readonly LocalizedText[]): LocalizedText {
  return byLanguage((lang) => texts.map((t) => t[lang]).join(', '));
}
