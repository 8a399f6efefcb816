import type { DateTime } from 'luxon';
import type { Asker } from '../domain/asker.js';
import type { KnowledgeBase } from '../domain/knowledge-base.js';
import type { Lang, PersonRole } from '../domain/vocabulary.js';
import type { NewsService } from '../news/news-service.js';
import type { Notices } from '../news/notices.js';
import type { PendingNews } from '../news/pending-news.js';
import type { AgendaProposals } from '../meeting-desk/agenda-proposals.js';
import type { MinutesBook } from '../meeting-desk/minutes.js';
import type { RoleBook } from '../people/roles.js';
import type { AttendanceBook } from '../meeting-desk/attendance.js';
import type { ReminderTarget } from '../catalog/schema.js';
import type { PresenterContext } from '../presenters/presenter-context.js';
import type { Reply } from '../reply/reply.js';
import { readsRestOfText, type ArgumentsOf, type OptionDeclaration } from './options.js';
import { readArguments, type ArgumentInput, type ArgumentProblem, type Bound } from './parse-arguments.js';

/** The languages people choose with `lang`, remembered in the store. */
export interface LanguageChoices {
  get(asker: Asker): Promise<Lang | undefined>;
  set(asker: Asker, lang: Lang): Promise<void>;
}

/** The time zones people choose with `tz`, remembered in the store. */
export interface ZoneChoices {
  get(asker: Asker): Promise<string | undefined>;
  set(asker: Asker, zone: string): Promise<void>;
  /** True if there was a choice to forget. */
  forget(asker: Asker): Promise<boolean>;
}

/**
 * Everything a handler may use: the asker, words and dates in their language, the knowledge, the
 * clock, and the newsletter's services. Presenters take only the words and the knowledge
 * (PresenterContext), which this context is.
 */
export interface CommandContext extends PresenterContext {
  readonly asker: Asker;
  /** Now, in the secretariat's time zone. */
  readonly now: DateTime;
  /** Today's calendar day (ISO) in that zone. */
  readonly today: string;
  /** The bot's default language (GSEF_LANG): for messages to a shared channel, such as the editors'. */
  readonly defaultLang: Lang;
  /** Words and knowledge in another language: for an author told of a decision, a language just chosen. */
  inLanguage(lang: Lang): PresenterContext;
  /** Every command, for `help`. */
  readonly commands: readonly CommandDefinition[];
  /** Saved language choices, for `lang` and for telling authors in theirs. */
  readonly languages: LanguageChoices;
  /** Saved time zone choices, for `tz`. */
  readonly zones: ZoneChoices;
  /** The newsletter queue. */
  readonly news: NewsService;
  /** Direct messages waiting for their author to say whether they are news. */
  readonly pendingNews: PendingNews;
  /** Messages to authors and to the editorial committee. */
  readonly notices: Notices;
  /** The roles the asker holds (the settings file's and those granted from chat). */
  readonly roles: ReadonlySet<PersonRole>;
  /** Who holds which role: read by `roles`, changed by the secretariat with `role`. */
  readonly people: RoleBook;
  /** Items proposed for the steering committee's agendas, and the secretariat's decisions on them. */
  readonly proposals: AgendaProposals;
  /** Each meeting's minutes: `minutes` records and shows them, `agenda` and `meetings` show them too. */
  readonly minutes: MinutesBook;
  /** Who will attend each meeting: `rsvp` answers, `attendance` reads. */
  readonly attendance: AttendanceBook;
  /** The steering committee's channels (the reminders' targets), in their languages. */
  readonly committee: readonly ReminderTarget[];
}

/** A handler: the context and the arguments its options declare. */
export type Handler<Args> = (ctx: CommandContext, args: Args) => Reply | Promise<Reply>;

/**
 * A command's or subcommand's options with its handler, the handler's argument types bound inside:
 * reading its arguments gives what runs it, or why it cannot run.
 */
export interface CommandForm {
  readonly options: readonly OptionDeclaration[];
  /** True for a form that changes something, of a command that otherwise only reads (`agenda propose`). */
  readonly writes?: true;
  read(input: ArgumentInput, kb: KnowledgeBase): Bound | { ok: false; problem: ArgumentProblem };
}

export interface Subcommand {
  readonly name: string;
  readonly form: CommandForm;
  /** A form only the bot's own buttons send (`news confirm <code>`): not offered in help nor on Discord. */
  readonly hidden: boolean;
}

interface CommandBasics<Name extends string> {
  name: Name;
  /** Other names that reach the command (`next` for `next-event`). */
  aliases: readonly string[];
  /** Who may run it: anyone, or only the holders of a role. */
  permission: 'everyone' | 'editor' | 'secretariat';
  /**
   * True when running the command only reads: its answer may then be shared in a channel, where it
   * is computed again for whoever shares it. False for commands that change something (`lang`,
   * `news`, `newsletter`): running them again would do it again.
   */
  readOnly: boolean;
}

/**
 * A chat command, declared once. Slack, Discord, the console, the Slack manifest and the Discord
 * registration are all derived from these declarations; the help text is in the locale files
 * under `commands.<name>`.
 */
export interface CommandDefinition<Name extends string = string> extends Readonly<CommandBasics<Name>> {
  /** What the command reads when its first word names none of its subcommands; none for a command made of subcommands. */
  readonly form: CommandForm | undefined;
  readonly subcommands: readonly Subcommand[];
}

/** Options and the handler that receives their values, typed from them. */
export interface FormDeclaration<Os extends readonly OptionDeclaration[]> {
  options: Os;
  handle: Handler<ArgumentsOf<Os>>;
  /** `true` for a subcommand that changes something, of a command that otherwise only reads. */
  writes?: true;
}

/**
 * A command with options of its own, and perhaps hidden forms for the bot's buttons, or
 * subcommands people choose beside its own form (`agenda Q3`, `agenda propose …`). Discord
 * offers only subcommands once a command has some: one of them should read what its own form does.
 */
export interface SimpleCommandDeclaration<Name extends string, Os extends readonly OptionDeclaration[]>
  extends CommandBasics<Name>, FormDeclaration<Os> {
  hiddenSubcommands?: Readonly<Record<string, CommandForm>>;
  subcommands?: Readonly<Record<string, CommandForm>>;
}

/** A command made of subcommands (`newsletter approve 12`): on Discord, a subcommand group. */
export interface SubcommandsDeclaration<Name extends string> extends CommandBasics<Name> {
  subcommands: Readonly<Record<string, CommandForm>>;
}

/**
 * Declares a command. The handler's arguments are typed from the options:
 *
 *     defineCommand({ name: 'meetings', …, options: [{ name: 'year', type: 'year', required: false }],
 *       handle(ctx, { year }) { … } })   // year: number | undefined
 */
export function defineCommand<const Name extends string, const Os extends readonly OptionDeclaration[]>(
  declaration: SimpleCommandDeclaration<Name, Os>,
): CommandDefinition<Name>;
export function defineCommand<const Name extends string>(
  declaration: SubcommandsDeclaration<Name>,
): CommandDefinition<Name>;
export function defineCommand<Name extends string>(
  declaration: SimpleCommandDeclaration<Name, readonly OptionDeclaration[]> | SubcommandsDeclaration<Name>,
): CommandDefinition<Name> {
  const { name, aliases, permission, readOnly } = declaration;
  const listed = (forms: Readonly<Record<string, CommandForm>> | undefined, hidden: boolean): Subcommand[] =>
    Object.entries(forms ?? {}).map(([subcommand, form]) => ({ name: subcommand, form, hidden }));
  const [own, subcommands] =
    'handle' in declaration
      ? [
          defineSubcommand(declaration),
          [...listed(declaration.subcommands, false), ...listed(declaration.hiddenSubcommands, true)],
        ]
      : [undefined, listed(declaration.subcommands, false)];
  return { name, aliases, permission, readOnly, form: own, subcommands };
}

/**
 * Whether running `command` only reads (its answer may be kept, and shared by running it again),
 * with the subcommand that `argument`'s first word names (text) or that a platform names apart.
 */
export function onlyReads(command: CommandDefinition, argument: { text: string } | { subcommand?: string }): boolean {
  const name = 'text' in argument ? /^\S*/.exec(argument.text.trim())?.[0].toLowerCase() : argument.subcommand;
  const subcommand = command.subcommands.find((s) => s.name === name);
  return command.readOnly && subcommand?.form.writes !== true;
}

/** Declares a subcommand, for `defineCommand`'s `subcommands` or `hiddenSubcommands`. */
export function defineSubcommand<const Os extends readonly OptionDeclaration[]>(
  declaration: FormDeclaration<Os>,
): CommandForm {
  const { options, handle, writes } = declaration;
  checkOrder(options);
  return {
    options,
    ...(writes ? { writes } : {}),
    read(input, kb) {
      const read = readArguments(options, input, kb);
      return read.ok ? { ok: true, run: (ctx) => handle(ctx, read.args) } : read;
    },
  };
}

/**
 * Text is read in the options' order, so required options come first, and an option that reads
 * the rest of the text comes last. One exception: an optional one-word option may come before the
 * required option that reads the rest (`agenda propose [Q3] <text>`): a first word that is not its
 * value is left to the text (Discord, which wants required options first, is given them first).
 * A declaration that breaks this fails when its module loads.
 */
function checkOrder(options: readonly OptionDeclaration[]): void {
  // Switches are read wherever they stand, and are off unless given: only the others' order matters.
  const required = options.find((o) => o.type === 'flag' && o.required);
  if (required) throw new Error(`switch "${required.name}" is off unless given: it cannot be required`);
  const positional = options.filter((o) => o.type !== 'flag');
  positional.forEach((option, i) => {
    const next = positional[i + 1];
    if (next && readsRestOfText(option))
      throw new Error(`option "${option.name}" reads the rest of the text: it must come last`);
    const leadsRest = next !== undefined && readsRestOfText(next) && i + 2 === positional.length;
    if (next?.required && !option.required && !leadsRest)
      throw new Error(`required option "${next.name}" must come before optional "${option.name}"`);
  });
}
