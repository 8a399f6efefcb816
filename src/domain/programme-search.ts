import type { LocalizedText, Orientation, Partner, Place, Programme } from '../catalog/schema.js';
import { allLanguages, type KnowledgeBase } from './knowledge-base.js';
import { byLanguage } from './localized-text.js';
import { normalize, tokenize } from './search/normalize.js';
import { StemPostings } from './search/stem-postings.js';
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
}

interface IndexedPart {
  part: ProgrammePart;
  fields: readonly IndexedField[];
}

interface ProgrammeIndex {
  parts: readonly IndexedPart[];
  /** Every text of every part, in the parts' order, each with its part: numbered as in {@link postings}. */
  fields: readonly { part: ProgrammePart; field: IndexedField }[];
  /** Which of the texts hold a word. */
  postings: StemPostings;
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
  const matches = rank(index, rest);
  if (!askedOrientation) return matches;
  const top = Math.max(0, ...matches.map((m) => m.score));
  const others = matches.filter((m) => m.part !== askedOrientation);
  const title = index.parts.find((p) => p.part === askedOrientation)!.fields[0]!;
  return [{ part: askedOrientation, score: top + 1, matched: { kind: title.kind, text: title.text } }, ...others];
}

function rank(index: ProgrammeIndex, words: readonly string[]): ProgrammeMatch[] {
  if (words.length === 0) return [];
  const { parts } = index;
  // A small number ("1", "2") is in most parts: it adds to the score, not to what is held.
  const smallNumber = words.map((word) => /^\d{1,2}$/.test(word));
  // The rarity of a word needs every part's matches before any part's score: the matches are
  // kept per part and word (not per text: at 100x a part has hundreds of texts, and an array of
  // them per part and word was most of what a search allocated).
  const found = partsHolding(index, words);
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

/**
 * What each part holds of the words, for the parts holding any, in the parts' order: only the texts
 * that hold a word are read, in the order of their parts and of the texts within each.
 */
function partsHolding(index: ProgrammeIndex, words: readonly string[]): WordsInPart[] {
  const holding = words.map((word) => index.postings.holding(word));
  const texts = new Set<number>();
  for (const found of holding) for (const text of found.keys()) texts.add(text);
  const parts: WordsInPart[] = [];
  let current: WordsInPart | undefined;
  let matchedCount = 0;
  let matchedFirstWord = 0;
  // Plain loops: this runs for every text holding a word, and a callback per text would be a closure per text.
  for (const text of [...texts].sort((a, b) => a - b)) {
    const { part, field } = index.fields[text]!;
    if (current?.part !== part) {
      current = { part, best: words.map(() => 0), spread: words.map(() => -1), matched: field };
      parts.push(current);
      matchedCount = 0;
      matchedFirstWord = 0;
    }
    let count = 0;
    let firstWord = -1;
    for (let w = 0; w < words.length; w++) {
      const quality = field.weight * (holding[w]!.get(text) ?? 0);
      if (quality === 0) continue;
      current.best[w] = Math.max(current.best[w]!, quality);
      current.spread[w]! += 1;
      count += 1;
      if (firstWord < 0) firstWord = w;
    }
    // Ties go to the earlier word, then the earlier text: the order the words first met the texts in.
    const better =
      count > matchedCount ||
      (count === matchedCount &&
        (field.weight > current.matched.weight ||
          (field.weight === current.matched.weight && firstWord < matchedFirstWord)));
    if (better) {
      current.matched = field;
      matchedCount = count;
      matchedFirstWord = firstWord;
    }
  }
  return parts;
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
    return { kind, text, weight: WEIGHTS[kind], tokens };
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
  const parts = [statutory, ...programmes, ...orientations];
  const fields = parts.flatMap(({ part, fields }) => fields.map((field) => ({ part, field })));
  const postings = new StemPostings();
  for (const [text, { field }] of fields.entries()) postings.add(text, field.tokens);
  return {
    parts,
    fields,
    postings,
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
