import type { OptionType } from './options.js';
import { intentOf, startsWithPhrase } from './command-phrases.js';
import type { QuestionReader } from './question-reader.js';
import { EVENT_CRITERIA, filterEvents } from '../domain/event-queries.js';
import type { KnowledgeBase } from '../domain/knowledge-base.js';
import { findMembers, MEMBER_CRITERIA, memberNamed } from '../domain/member-queries.js';
import { namedMentions } from '../domain/programme-mentions.js';
import { searchProgrammes } from '../domain/programme-search.js';
import { parseFilter, type Filter } from '../domain/search/filter.js';
import { EVERY_CRITERION, type CriterionKind } from '../domain/search/criterion.js';
import { normalize, tokenize } from '../domain/search/normalize.js';
import type { TokenIndex } from '../domain/search/token-index.js';

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
