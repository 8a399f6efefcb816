import { EVENT_CRITERIA } from '../domain/event-queries.js';
import type { KnowledgeBase } from '../domain/knowledge-base.js';
import { MEMBER_CRITERIA } from '../domain/member-queries.js';
import type { Criterion, CriterionKind } from '../domain/search/criterion.js';
import { isEmptyFilter, parseFilter, type Filter } from '../domain/search/filter.js';
import { normalize } from '../domain/search/normalize.js';
import { PhraseDictionary } from '../domain/search/phrase-dictionary.js';
import { ianaZone } from '../domain/time-zone.js';
import { LANGS, PERSON_ROLES, REGIONS, type PersonRole } from '../domain/vocabulary.js';
import type { MeetingChoice } from '../domain/meetings.js';
import type {
  OptionDeclaration,
  OptionType,
  OptionValues,
  PersonMention,
  RoleForMember,
  TimeZoneChoice,
} from './options.js';

/** A dictionary of no phrase: what a filter of no words is read with. */
const NO_PHRASES = new PhraseDictionary();

/**
 * The phrases a filter is read with: the knowledge base's, built on first use (a one-shot
 * `next-event` would build it for nothing: a blank filter looks up no phrase).
 */
function phrasesFor(text: string, kb: KnowledgeBase): PhraseDictionary {
  return text.trim() === '' ? NO_PHRASES : kb.dictionary;
}

/** An option's value, or the text that could not be read as one. */
export type OptionRead<T> = { ok: true; value: T } | { ok: false; typed: string };

/**
 * The parts a platform may give a filter apart (Discord's region and month choices, beside the
 * free text): option names of their own, which a filter option stands for.
 */
export const FILTER_PARTS = { region: 'region', month: 'month' } as const;

const ok = <T>(value: T): OptionRead<T> => ({ ok: true, value });
const refused = (typed: string): OptionRead<never> => ({ ok: false, typed });

const EDITION = /^\d{4}-(0[1-9]|1[0-2])$/;
const TOKEN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Reader<T extends OptionType> = (
  text: string,
  option: OptionDeclaration,
  kb: KnowledgeBase,
) => OptionRead<OptionValues[T]>;

/** How the text of each type of option is read: one word, or for the types that read it, the rest of the text. */
const READERS: { [T in OptionType]: Reader<T> } = {
  integer: (text) => {
    // `#12` is how the bot shows an item's number: taken as typed.
    const digits = /^#?(\d{1,15})$/.exec(text)?.[1];
    return digits === undefined ? refused(text) : ok(Number(digits));
  },
  edition: (text) => (EDITION.test(text) ? ok(text) : refused(text)),
  year: (text) => (/^\d{4}$/.test(text) ? ok(Number(text)) : refused(text)),
  choice: (text, option, kb) => {
    const [wanted, word] = [text.toLowerCase(), normalize(text)];
    const choice =
      option.type === 'choice'
        ? option.choices.find(
            (c) => c.toLowerCase() === wanted || localeWords(kb, `choiceWords.${option.name}.${c}`).has(word),
          )
        : undefined;
    return choice === undefined ? refused(text) : ok(choice);
  },
  token: (text) => (TOKEN.test(text) ? ok(text) : refused(text)),
  meeting: (text, _option, kb) => readMeeting(text, kb),
  'meeting-code': (text) => readMeetingCode(text),
  'event-filter': (text, _option, kb) => ok(parseFilter(text, phrasesFor(text, kb), EVENT_CRITERIA)),
  'member-filter': (text, _option, kb) => ok(parseFilter(text, phrasesFor(text, kb), MEMBER_CRITERIA)),
  'event-name': (text, _option, kb) => readName(text, kb, EVENT_CRITERIA, (id) => kb.eventById(id) !== undefined),
  'member-name': (text, _option, kb) => readName(text, kb, MEMBER_CRITERIA, (id) => kb.memberById(id) !== undefined),
  'command-name': (text) => ok(text.replace(/^\/?gsef\s+/i, '').toLowerCase()),
  topic: ok,
  'agenda-text': ok,
  'news-text': ok,
  person: (text) => readPerson(text),
  'person-role': (text, _option, kb) => readRoleForMember(text, kb),
  // Typed, a switch is read where it stands (parse-arguments); here come a platform's boolean values
  // as text (`true`, `false`), and nothing, which is false.
  flag: (text) => {
    const given = text.trim().toLowerCase();
    if (given === '' || given === 'false') return ok(false);
    return given === 'true' ? ok(true) : refused(text);
  },
  'time-zone': (text, _option, kb) => readTimeZone(text, kb),
};

/** Reads `text` (one word, or the rest of a command's text) as a value of `option`. */
export function readOption(option: OptionDeclaration, text: string, kb: KnowledgeBase): OptionRead<unknown> {
  return READERS[option.type](text, option, kb);
}

/**
 * A name, or words of one: refused when it holds nothing to search for (only common words such as
 * "the") and is not an id (which the names offered while typing stand for).
 */
function readName(
  text: string,
  kb: KnowledgeBase,
  criteria: ReadonlySet<CriterionKind>,
  isId: (id: string) => boolean,
): OptionRead<string> {
  return isEmptyFilter(parseFilter(text, kb.dictionary, criteria)) && !isId(text.trim()) ? refused(text) : ok(text);
}

/**
 * A filter given in parts: free text, and a region and a month picked from choices. A region or
 * month that is not one (a forged or stale interaction) is refused as typed.
 */
export function readFilterParts(
  option: OptionDeclaration,
  parts: { text: string; region: string | undefined; month: string | undefined },
  kb: KnowledgeBase,
): { ok: true; value: Filter } | { ok: false; typed: string; part: keyof typeof FILTER_PARTS } {
  const chosen: Criterion[] = [];
  if (parts.region !== undefined) {
    const region = REGIONS.find((r) => r === parts.region);
    if (region === undefined) return { ok: false, typed: parts.region, part: 'region' };
    chosen.push({ kind: 'region', region });
  }
  if (parts.month !== undefined) {
    const month = /^\d{1,2}$/.test(parts.month) ? Number(parts.month) : 0;
    if (month < 1 || month > 12) return { ok: false, typed: parts.month, part: 'month' };
    chosen.push({ kind: 'month', month });
  }
  const criteria = option.type === 'member-filter' ? MEMBER_CRITERIA : EVENT_CRITERIA;
  return { ok: true, value: parseFilter(parts.text, kb.dictionary, criteria, chosen) };
}

/** A list of words of the locale files in every language, folded: `search.faceToFace` gives "presencial", "présentiel"… */
function localeWords(kb: KnowledgeBase, key: string): Set<string> {
  return new Set(
    LANGS.flatMap((lang) => {
      const words = kb.catalog.locales[lang].get(key);
      return Array.isArray(words) ? words.map(normalize) : [];
    }),
  );
}

/** The quarter an ordinal names: "third", "3rd", "troisième", "tercer" are 3 (`search.ordinals.<n>`). */
function ordinalQuarter(kb: KnowledgeBase, word: string): number | undefined {
  return [1, 2, 3, 4].find((n) => localeWords(kb, `search.ordinals.${n}`).has(word));
}

function smallNumber(word: string): number | undefined {
  return /^[1-4]$/.test(word) ? Number(word) : undefined;
}

/**
 * Which meeting is meant: a quarter (`Q3`, or `T3` as French and Spanish write it, with or without
 * a year), a month (`2027-01`, or its name in any language: `july`, `juillet`, `julio`), a year, or
 * a format (`online`, `presencial`), or a quarter by its ordinal (`third quarter`, `3e trimestre`).
 * Other words are ignored, so that a question such as "what is the agenda for Q3?" or "where is the
 * July meeting?" works; a quarter or month that does not exist, or a bare number, is refused.
 */
function readMeeting(text: string, kb: KnowledgeBase): OptionRead<MeetingChoice> {
  const choice: MeetingChoice = {};
  const tokens = text.split(/[\s,;:!?¿¡.'’]+/).filter(Boolean);
  // With "quarter" or "trimestre" named, an ordinal or a small number is the quarter: "the 3rd quarter meeting".
  const quarterWords = localeWords(kb, 'search.quarter');
  const namesQuarter = tokens.some((token) => quarterWords.has(normalize(token)));
  for (const token of tokens) {
    const word = token.toLowerCase();
    const nth = namesQuarter ? (ordinalQuarter(kb, normalize(word)) ?? smallNumber(word)) : undefined;
    if (nth !== undefined) {
      choice.quarter = nth;
      continue;
    }
    const named = kb.dictionary.lookup(normalize(word)).find((c) => c.kind === 'month' || c.kind === 'online');
    if (named?.kind === 'month') {
      choice.month = named.month;
      continue;
    }
    if (named?.kind === 'online') {
      choice.format = 'online';
      continue;
    }
    if (localeWords(kb, 'search.faceToFace').has(normalize(word))) {
      choice.format = 'face-to-face';
      continue;
    }
    const quarter = /^[qt](\d+)$/.exec(word);
    const yearMonth = /^(\d{4})-(\d{1,2})$/.exec(word);
    if (quarter) {
      choice.quarter = Number(quarter[1]);
      if (choice.quarter < 1 || choice.quarter > 4) return refused(token);
    } else if (yearMonth) {
      choice.year = Number(yearMonth[1]);
      choice.month = Number(yearMonth[2]);
      if (choice.month < 1 || choice.month > 12) return refused(token);
    } else if (/^\d{4}$/.test(word)) {
      choice.year = Number(word);
    } else if (/^\d+$/.test(word)) {
      return refused(token);
    }
  }
  return ok(choice);
}

/** The forms of a meeting-code, read case-insensitively: Q3 / T3 with or without a year, a month, a meeting's id. */
const MEETING_CODE =
  /^(?:[qt]([1-4])(?:[\s-]+(\d{4}))?|(\d{4})[\s-]+[qt]([1-4])|(\d{4})-(0?[1-9]|1[0-2])|sc-(\d{4})-q([1-4]))$/i;

function readMeetingCode(text: string): OptionRead<MeetingChoice> {
  const m = MEETING_CODE.exec(text.trim());
  if (!m) return refused(text);
  const quarter = m[1] ?? m[4] ?? m[8];
  const year = m[2] ?? m[3] ?? m[5] ?? m[7];
  return ok({
    ...(quarter === undefined ? {} : { quarter: Number(quarter) }),
    ...(year === undefined ? {} : { year: Number(year) }),
    ...(m[6] === undefined ? {} : { month: Number(m[6]) }),
  });
}

/**
 * A person: a Slack or Discord mention (`<@U0123ABCD|ana>`, `<@!123456789012345678>`), or a word
 * that may follow a platform's name (`slack:U0123ABCD`, `console:ana`). A word beginning with `@`
 * is a name the platform did not turn into an id (Slack does not, in a slash command's text): it
 * names nobody the bot can tell apart, and is refused.
 */
function readPerson(text: string): OptionRead<PersonMention> {
  const mention = /^<@!?([A-Z0-9]{2,40}|\d{1,25})(?:\|[^>]{0,200})?>$/.exec(text);
  if (mention) return ok({ platform: /^\d+$/.test(mention[1]!) ? 'discord' : 'slack', id: mention[1]! });
  const prefixed = /^([a-z][a-z0-9-]{0,31}):(.+)$/.exec(text);
  const [platform, id] = prefixed ? [prefixed[1], prefixed[2]!] : [undefined, text];
  if (!/^[\p{Letter}\p{Number}][\p{Letter}\p{Number}._-]{0,99}$/u.test(id)) return refused(text);
  return ok(platform === undefined ? { id } : { platform, id });
}

/**
 * A role in any of the three languages (`representative`, `représentante`, `asesor`: the locale
 * files' `personRole.<role>` and `personRoleWords.<role>`), and a member's id, in either order:
 * `city-of-seoul representative`, `editor`. Anything else is refused as typed.
 */
function readRoleForMember(text: string, kb: KnowledgeBase): OptionRead<RoleForMember> {
  let role: PersonRole | undefined;
  let member: string | undefined;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const named = roleNamed(kb, normalize(word));
    if (named !== undefined && role === undefined) role = named;
    else if (kb.memberById(word.toLowerCase()) !== undefined && member === undefined) member = word.toLowerCase();
    else return refused(word);
  }
  return role === undefined ? refused(text) : ok(member === undefined ? { role } : { role, member });
}

/** A zone (see ianaZone), or a word that forgets the one chosen (`timeZone.resetWords` of any language). */
function readTimeZone(text: string, kb: KnowledgeBase): OptionRead<TimeZoneChoice> {
  if (localeWords(kb, 'timeZone.resetWords').has(normalize(text))) return ok('reset');
  const zone = ianaZone(text);
  return zone === undefined ? refused(text) : ok({ zone });
}

function roleNamed(kb: KnowledgeBase, word: string): PersonRole | undefined {
  return PERSON_ROLES.find(
    (role) =>
      role === word ||
      localeWords(kb, `personRoleWords.${role}`).has(word) ||
      LANGS.some((lang) => normalize(String(kb.catalog.locales[lang].get(`personRole.${role}`) ?? '')) === word),
  );
}
