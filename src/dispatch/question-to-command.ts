import { Info } from 'luxon';
import type { CommandDefinition } from './command.js';
import type { OptionType } from './options.js';
import { EVENT_CRITERIA, filterEvents } from '../domain/event-queries.js';
import type { KnowledgeBase } from '../domain/knowledge-base.js';
import { findMembers, MEMBER_CRITERIA, memberNamed } from '../domain/member-queries.js';
import { namedMentions } from '../domain/programme-mentions.js';
import { searchProgrammes } from '../domain/programme-search.js';
import { parseFilter, type Filter } from '../domain/search/filter.js';
import { EVERY_CRITERION, type CriterionKind } from '../domain/search/criterion.js';
import { normalize, tokenize } from '../domain/search/normalize.js';
import type { TokenIndex } from '../domain/search/token-index.js';
import { LANGS, REGIONS, type Lang } from '../domain/vocabulary.js';
import { distinctiveWords, type LanguageWords } from '../i18n/detect-language.js';
import type { WordsKey } from '../i18n/message-keys.js';
import type { Translator } from '../i18n/translator.js';

/** The commands a question may reveal: those with phrases under `intents.<name>` in the locale files. */
type IntentCommand = WordsKey extends infer K ? (K extends `intents.${infer N}` ? N : never) : never;

/**
 * A phrase that reveals a command, folded, as its words. `open` marks the words after which any
 * number of words may come, the phrase then ending the question: "what … for" is "what are the
 * statutory meetings for?".
 */
interface Intent {
  command: string;
  /** Its words joined: what its length is measured by. */
  phrase: string;
  words: readonly string[];
  open: ReadonlySet<number>;
}

/** What reading a question needs, gathered once: the commands, their phrases, the knowledge and each language's words. */
export interface QuestionReader {
  commands: readonly CommandDefinition[];
  /** Every command's revealing phrases, folded, longest first. */
  intents: readonly Intent[];
  kb: KnowledgeBase;
  /** Words only one of the three languages uses, for the language of a question. */
  languageWords: LanguageWords;
  /** Folded words that name the whole programme (`search.programmeOverview`) rather than a part of it. */
  overviewWords: ReadonlySet<string>;
  /** Folded words that name a quarter of the year (`search.quarter`): "quarter", "trimestre". */
  quarterWords: ReadonlySet<string>;
}

export function questionReader(
  commands: readonly CommandDefinition[],
  translator: Translator,
  kb: KnowledgeBase,
): QuestionReader {
  const intents = commands
    .filter(({ name }) => hasIntents(name, translator))
    .flatMap(({ name }) =>
      LANGS.flatMap((lang) =>
        translator.words(lang, `intents.${name as IntentCommand}`).map((phrase) => intent(name, phrase)),
      ),
    )
    .filter(({ phrase }) => phrase !== '')
    .sort((a, b) => b.phrase.length - a.phrase.length);
  const overviewWords = new Set(
    LANGS.flatMap((lang) => translator.words(lang, 'search.programmeOverview')).flatMap(tokenize),
  );
  const quarterWords = new Set(LANGS.flatMap((lang) => translator.words(lang, 'search.quarter')).flatMap(tokenize));
  const languageWords = questionLanguageWords(translator, commands, kb);
  return { commands, intents, kb, languageWords, overviewWords, quarterWords };
}

function intent(command: string, typed: string): Intent {
  const words: string[] = [];
  const open = new Set<number>();
  for (const part of typed.split('…')) {
    words.push(...tokenize(part));
    open.add(words.length - 1);
  }
  open.delete(words.length - 1);
  return { command, phrase: words.join(' '), words, open };
}

function hasIntents(name: string, translator: Translator): boolean {
  return translator.has('en', `intents.${name}`);
}

/**
 * Turns a question addressed to the bot ("@gsef when is the next event in Africa?", "membres en
 * afrique", "¿cuántos participantes tendrá el programa juventud?") into the command text that
 * answers it, or undefined when it cannot tell. In order:
 * - a message that starts with a command name is that command;
 * - else the longest phrase of `intents.<command>` found in it, in any language, whatever the
 *   asker's language ("next steering committee meeting" beats "next");
 * - else, with `guess`, the kind of thing its words name: a role (the directory), a member, an
 *   event, a part of the programme, or only places and months (the events of them).
 * Words the chosen command would not find anything with ("quand *a lieu* le dialogue Afrique")
 * are left out, so that a question is not refused for its grammar.
 */
export function questionToCommand(
  question: string,
  reader: QuestionReader,
  { guess = true }: { guess?: boolean } = {},
): string | undefined {
  const folded = normalize(question.replace(/^\/?gsef\b/i, ''));
  if (folded === '') return undefined;
  const [first = ''] = folded.split(' ');
  const intent = intentOf(folded, reader);
  const typedFirst =
    question
      .trim()
      .replace(/^\/?gsef\s*/i, '')
      .split(/\s/)[0] ?? '';
  if (
    !startsWithPhrase(typedFirst, intent) &&
    reader.commands.some((c) => c.name === first || c.aliases.includes(first))
  )
    return question.trim().replace(/^\/?gsef\s*/i, '');
  // Without guessing (is this direct message news or a question?), one word counts only first:
  // news about cooperatives opening "next month" is not a question about the next event.
  const trusted = intent && (guess || intent.at === 0 || intent.phrase.includes(' '));
  if (intent && trusted)
    return commandText(oneOrMany(intent.command, intent.rest, reader.kb), intent.rest, question, reader);
  if (!guess) return undefined;
  const guessed = guessCommand(folded, reader.kb);
  return guessed && commandText(oneOrMany(guessed, folded, reader.kb), folded, question, reader);
}

/**
 * Whether a text that starts with a command name starts with a longer phrase of a command:
 * "statutory meetings 2019" is the phrase "statutory meetings", not the alias `statutory` of
 * `meetings` with the year "meetings 2019".
 */
export function startsWithCommandPhrase(text: string, reader: QuestionReader): boolean {
  return startsWithPhrase(text.trim().split(/\s/)[0] ?? '', intentOf(normalize(text), reader));
}

/** Whether the phrase found starts the text and is longer than its first word as typed (`next-event` is one word). */
function startsWithPhrase(typedFirst: string, intent: { at: number; length: number } | undefined): boolean {
  return intent !== undefined && intent.at === 0 && intent.length > normalize(typedFirst).length;
}

/**
 * `member` for one member, `members` when the words name a role or a group ("who is the
 * Secretary General?", "who is on the steering committee?"): the directory shows them with their group.
 */
function oneOrMany(command: string, rest: string, kb: KnowledgeBase): string {
  if (command !== 'member') return command;
  const filter = parseFilter(rest, kb.dictionary, MEMBER_CRITERIA);
  if (filter.roles.size > 0) return 'members';
  if (memberNamed(kb, rest)) return command;
  if (filter.memberKinds.size > 0) return 'members';
  return findMembers(kb, filter, rest).length > 1 ? 'members' : command;
}

/**
 * Commands whose phrases ask for a list or a date ("what happens in", "statutory meetings", "quand"),
 * and the one whose phrases name a part of the programme: "what happens in research *phase 2*",
 * "*à quoi servent* les réunions statutaires" and "quand commence la *phase* 1" are about the
 * programme, whatever the length of the phrases.
 */
const GENERAL_PHRASES: ReadonlySet<string> = new Set(['events', 'meetings', 'event']);
const SPECIFIC_PHRASES = 'programme';

/** How many words may stand between two words of a phrase: "réunion *d'octobre* du comité directeur". */
const MAX_GAP = 2;

/**
 * The longest phrase found, its words in order with at most MAX_GAP other words between two of
 * them; of equally long ones the one with fewer words between, then the earliest ("when are the
 * … meetings"). Gives its command, where it starts (in words) and the words left.
 */
function intentOf(
  folded: string,
  reader: QuestionReader,
): { command: string; phrase: string; rest: string; at: number; length: number } | undefined {
  const tokens = folded.split(' ');
  let best = longestPhrase(tokens, reader.intents);
  if (!best) return undefined;
  if (GENERAL_PHRASES.has(best.command))
    best =
      longestPhrase(
        tokens,
        reader.intents.filter((i) => i.command === SPECIFIC_PHRASES),
      ) ?? best;
  const used = new Set(best.used);
  const rest = tokens.filter((_, i) => !used.has(i)).join(' ');
  return { command: best.command, phrase: best.phrase, at: best.at, length: best.length, rest };
}

interface FoundPhrase {
  command: string;
  phrase: string;
  /** Where the phrase starts, in words. */
  at: number;
  /** The phrase's length in characters: the longer, the more it says. */
  length: number;
  /** How many other words stand between its words. */
  gaps: number;
  /** The positions of its words. */
  used: number[];
}

function longestPhrase(tokens: readonly string[], intents: QuestionReader['intents']): FoundPhrase | undefined {
  let best: FoundPhrase | undefined;
  for (const { command, phrase, words, open } of intents) {
    if (best && phrase.length < best.length) break;
    const found = findPhrase(tokens, words, open);
    if (!found) continue;
    const better = !best || found.gaps < best.gaps || (found.gaps === best.gaps && found.used[0]! < best.at);
    if (better) best = { command, phrase, at: found.used[0]!, length: phrase.length, ...found };
  }
  return best;
}

/**
 * The first place the words of a phrase stand in order, with the fewest words between them there:
 * at most MAX_GAP between two words, any number after an `open` one (whose phrase must then end
 * the text).
 */
function findPhrase(
  tokens: readonly string[],
  words: readonly string[],
  open: ReadonlySet<number>,
): { used: number[]; gaps: number } | undefined {
  // An open phrase frames the whole end of the question: "what is the agenda for Q3?" is not "what … for".
  if (open.size > 0 && tokens[tokens.length - 1] !== words[words.length - 1]) return undefined;
  let best: { used: number[]; gaps: number } | undefined;
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start] !== words[0]) continue;
    const used = [start];
    for (let w = 1; w < words.length; w++) {
      const from = used[w - 1]! + 1;
      // After an open word, the last word is the text's last (checked above), wherever it stands before.
      const closing = open.has(w - 1) && w === words.length - 1;
      const at = closing
        ? tokens.length - 1
        : indexWithin(tokens, words[w]!, from, open.has(w - 1) ? Infinity : MAX_GAP);
      if (at < 0) break;
      used.push(at);
    }
    if (used.length !== words.length) continue;
    if (open.size > 0 && used[used.length - 1] !== tokens.length - 1) continue;
    const gaps = used[used.length - 1]! - start + 1 - words.length;
    if (!best || gaps < best.gaps) best = { used, gaps };
    if (gaps === 0) break;
  }
  return best;
}

/** Where `word` stands in `tokens` from `from`, at most `gap` words further; -1 when it does not. */
function indexWithin(tokens: readonly string[], word: string, from: number, gap: number): number {
  const end = Math.min(tokens.length - 1, from + gap);
  for (let i = from; i <= end; i++) if (tokens[i] === word) return i;
  return -1;
}

/**
 * The command whose kind of thing the question's words name, or undefined when they name nothing
 * known. Words that name nothing are grammar ("a lieu", "tendrá") and do not count. In order: a
 * thing the seed mentions without a date; a member's whole name; a role (the directory); words that all name a member,
 * or all an event; a kind of member ("member cities"); words the programme holds and no event
 * does ("Seoul HRDC", "website"); then partial matches.
 */
function guessCommand(folded: string, kb: KnowledgeBase): string | undefined {
  if (namedMentions(kb, folded).length > 0) return 'event';
  if (memberNamed(kb, folded)) return 'member';
  const filter = parseFilter(folded, kb.dictionary, EVERY_CRITERION);
  // Words of one or two letters ("c'est", "so") are grammar here.
  const keywords = filter.keywords.filter((word) => word.length > 2);
  const memberWords = known(keywords, kb.memberIndex);
  const eventWords = known(keywords, kb.eventIndex);
  const allOf = (words: readonly string[]) => words.length > 0 && words.length === keywords.length;
  if (filter.roles.size > 0) return 'members';
  if (allOf(memberWords) && memberWords.length >= eventWords.length) return 'member';
  const period = filter.months.length > 0 || filter.years.size > 0;
  const onlyCriteria = keywords.length === 0 || (eventWords.length === 0 && memberWords.length === 0);
  if (allOf(eventWords) || (onlyCriteria && period)) return oneEventOrMany(kb, filter, eventWords);
  if (filter.memberKinds.size > 0 && eventWords.length === 0) return 'members';
  const notInEvents = keywords.filter((word) => !eventWords.includes(word));
  if (notInEvents.length > 0 && searchProgrammes(kb, notInEvents.join(' ')).length > 0) return 'programme';
  if (eventWords.length > 0 || filter.understood.length > 0) return oneEventOrMany(kb, filter, eventWords);
  return memberWords.length > 0 ? 'member' : undefined;
}

function oneEventOrMany(kb: KnowledgeBase, filter: Filter, eventWords: readonly string[]): string {
  return filterEvents(kb, { ...filter, keywords: [...eventWords] }).length === 1 ? 'event' : 'events';
}

/**
 * The keywords that start a word of some document of the index. A word of one or two letters
 * ("ça", "m") starts too many to name anything.
 */
function known<Doc>(keywords: readonly string[], index: TokenIndex<Doc>): string[] {
  return keywords.filter((word) => word.length >= 3 && (index.matchAll([word])?.size ?? 0) > 0);
}

/**
 * `command rest`, without the words of `rest` that would make the command find nothing: for a
 * command that reads events or members, a keyword no event (member) has is grammar, not a name.
 * A command that looks up one thing by name keeps the text whole when none of its words is known,
 * so that the answer says what was not found; a list is then shown whole.
 */
function commandText(command: string, rest: string, typed: string, reader: QuestionReader): string {
  const definition = reader.commands.find((c) => c.name === command);
  const option = definition?.form?.options[0]?.type;
  const question = normalize(typed);
  // A meeting is read from the question as typed ("2027-01", "T3", "the 3rd quarter meeting"),
  // its other words ignored; a number that names no quarter ("the 3 agenda items") is left out.
  if (option === 'meeting') return `${command} ${withoutStrayNumbers(typed.replace(/^\/?gsef\b/i, ''), reader)}`.trim();
  // A year is all `meetings` reads: "where do the advisors meet in 2019?" asks for `meetings 2019`.
  if (option === 'year') return [command, ...tokenize(rest).filter((token) => /^\d{4}$/.test(token))].join(' ');
  // The programme is searched with the whole question, its words weighed ("research *partners*");
  // with nothing but the programme named ("what's in the 2019 programme?"), it is the overview.
  if (option === 'topic') return hasSubject(question, reader) ? `${command} ${question}` : command;
  const searched = option && searchedIn(option, reader.kb);
  // A thing the seed only mentions ("the UNTF SSE *monthly* meetings") is named by words no event has.
  if (!searched || namedMentions(reader.kb, rest).length > 0) return `${command} ${rest}`.trim();
  const filter = parseFilter(rest, reader.kb.dictionary, searched.criteria);
  // A role says who is meant: "l'observateur *du comité directeur*" names no one else.
  const ignored =
    filter.roles.size > 0 ? filter.keywords : filter.keywords.filter((w) => !known([w], searched.index).length);
  const unknown = new Set(ignored);
  const nothingKnown = unknown.size === filter.keywords.length && filter.understood.length === 0;
  if (nothingKnown && searched.byName) return `${command} ${rest}`.trim();
  const kept = tokenize(rest).filter((token) => !unknown.has(token));
  return [command, ...kept].join(' ');
}

function withoutStrayNumbers(typed: string, reader: QuestionReader): string {
  if (tokenize(typed).some((word) => reader.quarterWords.has(word))) return typed;
  return typed.replace(/(?<![\w-])\d{1,3}(?![\w-])/g, ' ');
}

/**
 * Whether a question about the programme names a part of it: a word other than common words,
 * words that name the whole programme ("programme", "strategic orientations") and the year of
 * its calendar ("what's in the 2019 programme?"). A digit counts: "orientation stratégique 1".
 */
function hasSubject(question: string, reader: QuestionReader): boolean {
  const { kb, overviewWords } = reader;
  const calendarYear = (word: string) =>
    /^\d{4}$/.test(word) && kb.events.some((e) => e.event.when.start.startsWith(word));
  const meaningful = (word: string) => word.length > 2 || /^\d$/.test(word);
  return tokenize(question).some(
    (word) => meaningful(word) && !kb.dictionary.isStopword(word) && !overviewWords.has(word) && !calendarYear(word),
  );
}

function searchedIn(
  option: OptionType,
  kb: KnowledgeBase,
): { index: TokenIndex<unknown>; criteria: ReadonlySet<CriterionKind>; byName: boolean } | undefined {
  switch (option) {
    case 'event-filter':
    case 'event-name':
      return { index: kb.eventIndex, criteria: EVENT_CRITERIA, byName: option === 'event-name' };
    case 'member-filter':
    case 'member-name':
      return { index: kb.memberIndex, criteria: MEMBER_CRITERIA, byName: option === 'member-name' };
    default:
      return undefined;
  }
}

/**
 * The words of each language a question may carry: its common words, stopwords, command phrases,
 * month, place and region names, and the titles of the data, folded. Command names are left out: everyone types `events`.
 */
function questionLanguageWords(
  translator: Translator,
  commands: readonly CommandDefinition[],
  kb: KnowledgeBase,
): LanguageWords {
  const { countries, cities } = kb.catalog.places;
  const places = [...Object.values(countries), ...Object.values(cities)];
  // The names are English and typed by everyone; the aliases in other languages (aide, ayuda) say something.
  const commandNames = new Set(commands.map((c) => c.name));
  const wordsOf = (lang: Lang): string[] => {
    const lists: WordsKey[] = ['news.languageWords', 'search.stopwords'];
    const phrases = [
      ...lists.flatMap((key) => translator.words(lang, key)),
      ...commands
        .filter(({ name }) => hasIntents(name, translator))
        .flatMap(({ name }) => translator.words(lang, `intents.${name as IntentCommand}`)),
      ...Info.months('long', { locale: lang }),
      // "Ouganda", "Corée", "Sudáfrica": place and region names often tell the language.
      ...places.map((place) => place.name[lang]),
      ...REGIONS.map((region) => translator.t(lang, `region.${region}`)),
    ];
    // So do the names of what is asked about ("communauté de pratique", "diálogo político"), save
    // their common words: an English title may hold French ones ("Rencontres du Mont Blanc").
    const titles = [
      ...kb.events.map(({ event }) => event.title[lang]),
      ...kb.catalog.programmes.programmes.map((programme) => programme.title[lang]),
      ...kb.catalog.programmes.mentions.map((mention) => mention.name[lang]),
    ];
    const titleWords = titles.flatMap((title) => tokenize(title)).filter((word) => !kb.dictionary.isStopword(word));
    return [...phrases.flatMap((phrase) => tokenize(phrase)), ...titleWords].filter((word) => !commandNames.has(word));
  };
  return distinctiveWords({ en: wordsOf('en'), fr: wordsOf('fr'), es: wordsOf('es') });
}
