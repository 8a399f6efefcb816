import type { MeetingChoice } from '../domain/meetings.js';
import type { PersonRole } from '../domain/vocabulary.js';
import type { Filter } from '../domain/search/filter.js';
import type { MessageKey } from '../i18n/message-keys.js';

/**
 * The name of a command's option. Each is described in the locale files under
 * `arguments.what.<name>` ("an item number"), which the refusals quote: an option without a
 * description does not compile.
 */
export type OptionName = MessageKey extends infer K ? (K extends `arguments.what.${infer N}` ? N : never) : never;

/**
 * What each type of option gives the handler. Platforms use the type to offer the right input:
 * Discord shows region and month choices for a filter, autocompletes names, and takes an integer
 * as a number; the console and Slack take text, which the parser reads into the same values.
 */
export interface OptionValues {
  /** A whole number, such as an item's (`12` or `#12`). */
  integer: number;
  /** A newsletter edition: its month, `YYYY-MM`. */
  edition: string;
  /** A year, `YYYY`. */
  year: number;
  /**
   * One of the option's `choices`, typed in any case, or one of its words in any language (the
   * locale files' `choiceWords.<option>.<choice>`, when they list some: `oui` for `yes`).
   */
  choice: string;
  /** The code of a question the bot asked with buttons (a UUID). */
  token: string;
  /** Which steering-committee meeting; other words are ignored, so that questions read well. */
  meeting: MeetingChoice;
  /**
   * A meeting named before other text: a quarter (`Q3`, `T3`, `Q3-2027`, `2027-Q3`, or with its year
   * apart, `Q3 2027`), a month (`2027-01`) or a meeting's id (`sc-2027-q3`). Any other word is not
   * one, and is left to the next option (`agenda propose Q3 <text>`, `agenda propose <text>`).
   */
  'meeting-code': MeetingChoice;
  /** Free text read as a filter of events (region, place, month, year, category, keywords). */
  'event-filter': Filter;
  /** The same for members, which have no month. */
  'member-filter': Filter;
  /** An event's name or words of it; platforms offer names as it is typed. */
  'event-name': string;
  /** A member's name or words of it; platforms offer names as it is typed. */
  'member-name': string;
  /** The name of a command. */
  'command-name': string;
  /** Free words naming a part of the programme (`capacity building africa`, `juventud`): taken as typed. */
  topic: string;
  /** The words of an item proposed for a meeting's agenda: taken as typed, cleaned and held to an item's length by the proposals. */
  'agenda-text': string;
  /**
   * Text that goes into the newsletter (an item, an edit of one, a reason for refusing one): taken
   * as written, its lines, paragraphs and the people it names kept, up to a news item's length
   * rather than a command's.
   */
  'news-text': string;
  /**
   * A person, as typed: a mention (`<@U0123ABCD>`, `<@123456789012345678>`), an id, a console
   * name, or any of them after a platform's name (`slack:U0123ABCD`). The platform, when the text
   * does not say it, is the asker's; the command checks the id against it.
   */
  person: PersonMention;
  /** A role a person may hold, named in any of the three languages, and the member it is held for, in either order. */
  'person-role': RoleForMember;
  /**
   * A switch, typed `--<name>` anywhere in the text (`attendance Q1 --csv`), or a true/false value
   * (Discord's boolean option): true when given, false otherwise.
   */
  flag: boolean;
  /** A time zone by its IANA name, in any case (`europe/madrid`), or `reset` (in any language) to forget the one chosen. */
  'time-zone': TimeZoneChoice;
}

/** A zone chosen (its IANA name, as the database spells it), or the choice forgotten. */
export type TimeZoneChoice = { zone: string } | 'reset';

export interface PersonMention {
  /** The platform the text names (a prefix, or a mention's form), if it does. */
  platform?: string;
  id: string;
}

export interface RoleForMember {
  role: PersonRole;
  /** A `members.yaml` id, when one was given. */
  member?: string;
}

export type OptionType = keyof OptionValues;

interface OptionBase {
  name: OptionName;
  required: boolean;
}

/** A command's option, declared once: the parser, Discord's registration and the help follow from it. */
export type OptionDeclaration =
  | (OptionBase & { type: Exclude<OptionType, 'choice'> })
  | (OptionBase & { type: 'choice'; choices: readonly string[] });

/**
 * Types that read the rest of the text rather than one word: an option of one of them comes last.
 * Filters and meetings read words among others ("events in africa in july", "the agenda for Q3").
 */
const REST_OF_TEXT: ReadonlySet<OptionType> = new Set<OptionType>([
  'event-filter',
  'member-filter',
  'event-name',
  'member-name',
  'command-name',
  'topic',
  'agenda-text',
  'meeting',
  'news-text',
  'person-role',
]);

export function readsRestOfText(option: OptionDeclaration): boolean {
  return REST_OF_TEXT.has(option.type);
}

/** Types whose absence means something (no filter, the next meeting): their value is always given, read from no text. */
const ALWAYS_GIVEN = ['event-filter', 'member-filter', 'meeting', 'flag'] as const satisfies readonly OptionType[];
type AlwaysGiven = (typeof ALWAYS_GIVEN)[number];

export function isAlwaysGiven(option: OptionDeclaration): boolean {
  return (ALWAYS_GIVEN as readonly OptionType[]).includes(option.type);
}

export type ValueOf<O extends OptionDeclaration> = O extends { type: 'choice'; choices: readonly (infer C)[] }
  ? C
  : OptionValues[O['type']];

type Given<O extends OptionDeclaration> = O['required'] extends true
  ? true
  : O['type'] extends AlwaysGiven
    ? true
    : false;

type Flatten<T> = { [K in keyof T]: T[K] };

/**
 * The handler's arguments, from its options: `[{ name: 'number', type: 'integer', required: true },
 * { name: 'reason', type: 'news-text', required: false }]` gives `{ number: number; reason?: string }`.
 */
export type ArgumentsOf<Os extends readonly OptionDeclaration[]> = Flatten<
  { [O in Os[number] as Given<O> extends true ? O['name'] : never]: ValueOf<O> } & {
    [O in Os[number] as Given<O> extends true ? never : O['name']]?: ValueOf<O>;
  }
>;
