import type { DateTime } from 'luxon';
import { clockMillis, type Clock } from './clock.js';
import { onlyReads, type CommandContext, type CommandDefinition } from './dispatch/command.js';
import type { Asker } from './domain/asker.js';
import { NewsIntake } from './news/direct-message-news.js';
import { removeInvisibleCharacters } from './invisible-characters.js';
import { startsWithCommandPhrase } from './dispatch/command-phrases.js';
import { questionReader, type QuestionReader } from './dispatch/question-reader.js';
import { questionToCommand } from './dispatch/question-to-command.js';
import { detectLanguage } from './i18n/detect-language.js';
import { readInvocation, type InvocationInput, type OptionInput } from './dispatch/parse-arguments.js';
import { refusalReply } from './dispatch/refusal-reply.js';
import { closestName } from './dispatch/suggest.js';
import type { KnowledgeBase } from './domain/knowledge-base.js';
import type { KnowledgeSource } from './domain/knowledge-source.js';
import { isLang, type Lang, type PersonRole } from './domain/vocabulary.js';
import { formatNumber } from './i18n/format-number.js';
import { localeContext, type LocaleContext } from './i18n/locale-context.js';
import type { MessageKey } from './i18n/message-keys.js';
import type { MessageParams, Translator } from './i18n/translator.js';
import type { PresenterContext } from './presenters/presenter-context.js';
import type { Logger } from './logger.js';
import { reply, type Reply } from './reply/reply.js';
import type { Claims } from './store/claims.js';
import type { LanguagePreferences } from './people/language-preferences.js';
import type { PersonPreference } from './people/person-preference.js';
import type { RoleBook, RoleGrant } from './people/roles.js';
import type { AttendanceBook } from './meeting-desk/attendance.js';
import type { ReminderTarget } from './catalog/schema.js';
import { MAX_NEWS_LENGTH, type NewsService } from './news/news-service.js';
import type { PendingNews } from './news/pending-news.js';
import type { Outbox } from './messaging/outbox.js';
import type { AgendaProposals } from './meeting-desk/agenda-proposals.js';
import type { MinutesBook } from './meeting-desk/minutes.js';
import { proposeItem, type ProposalOrigin } from './meeting-desk/agenda-proposal-desk.js';
import { nextSteeringMeeting } from './domain/meetings.js';
import { apologyKey } from './errors.js';
import { AnswerCache, watchedContext, type Dependence } from './dispatch/answer-cache.js';

/**
 * What an answer depends on besides the words of the question: the language the asker chose (if
 * any), the zone times are written in for them, the language answers fall back to, their roles.
 */
interface AskerChoices {
  chosen: Lang | undefined;
  zone: string;
  fallback: Lang;
  roles: ReadonlySet<PersonRole>;
}

/** The roles of `grants`, in a fixed order (they are part of what a kept answer is kept under). */
function heldRoles(asker: Asker, grants: readonly RoleGrant[]): ReadonlySet<PersonRole> {
  const held = grants.map((g) => g.role);
  if (asker.isEditor) held.push('editor');
  return new Set(held.sort());
}

/** Now in the secretariat's zone, today's date there, and now in epoch milliseconds. */
interface ZonedNow {
  readonly now: DateTime;
  readonly today: string;
  readonly ms: number;
}

/** The refusal of a command only some may run, by the role it needs. */
const ONLY_FOR = { editor: 'errors.editorsOnly', secretariat: 'errors.secretariatOnly' } as const;

/** The longest command text accepted: anything longer is refused politely, not processed. */
export const MAX_COMMAND_TEXT = 1000;

/**
 * The longest text of a command that carries news (an option of type 'news-text'), in UTF-16
 * units: Slack's own limit for a message. News is counted as people see it (MAX_NEWS_LENGTH
 * characters), and one character seen may take many units (a family emoji takes 8 to 11, a Slack
 * mention `<@U0123456789|ana>` 18 for the 4 of "@ana"), so the news service holds the cleaned
 * text to its limit itself; only what no Slack message could carry is refused here, unread.
 */
const MAX_NEWS_COMMAND_TEXT = 40_000;

/**
 * How many answers are kept for asking again (each a few kilobytes): every command and filter the
 * secretariat's people ask in a day, in three languages, with room to spare.
 */
const KEPT_ANSWERS = 500;

export interface BotServices {
  /** The data's current version: each answer takes it once, and gives it to all it does. */
  knowledge: KnowledgeSource;
  translator: Translator;
  clock: Clock;
  timeZone: string;
  /** The language of answers when the asker's is unknown (GSEF_LANG, else settings.yaml). */
  defaultLang: Lang;
  commands: readonly CommandDefinition[];
  preferences: LanguagePreferences;
  /** The time zones people chose with `tz`. */
  zones: PersonPreference<string>;
  /** Who holds which role (the settings file's and the store's). */
  roles: RoleBook;
  /** Items proposed for the steering committee's agendas. */
  proposals: AgendaProposals;
  /** Who will attend each meeting. */
  attendance: AttendanceBook;
  /** What each meeting decided, as the secretariat recorded it. */
  minutes: MinutesBook;
  /** The steering committee's channels (the reminders' targets), where its minutes are posted. */
  committee: readonly ReminderTarget[];
  news: NewsService;
  pendingNews: PendingNews;
  outbox: Outbox;
  /** The store's claims, for work exactly one instance sharing it must do (a Slack event delivered twice). */
  claims: Claims;
  logger: Logger;
  /** How many read-only answers are kept for asking again: KEPT_ANSWERS unless given; 0 keeps none. */
  keptAnswers?: number;
}

/** A command found in what the user typed, with the rest of the text as its argument. */
export type Invocation =
  | { kind: 'command'; command: CommandDefinition; argument: string }
  | { kind: 'unknown'; typed: string; suggestion: string | undefined };

/**
 * A command whose options a platform received apart, by name (Discord's slash command): the
 * command, the subcommand chosen in it, and each option's value.
 */
export interface CommandValues {
  command: string;
  subcommand?: string;
  values: ReadonlyMap<string, OptionInput>;
}

/**
 * The one entry point every platform calls: text in (`next-event africa`, with or without
 * `/gsef`), a platform-neutral reply out. It never throws: a failing handler is logged with its
 * context and the asker gets a short apology in their language.
 */
export class Bot {
  /**
   * Where the adapters hand messages that may be news: direct messages, and messages marked as
   * news (a reaction, a shortcut, a news channel's posts), with the bot's languages and answers.
   */
  readonly newsIntake: NewsIntake;

  /** Read-only answers already computed from the data in use, given again as long as they hold. */
  private readonly answers: AnswerCache;

  constructor(readonly services: BotServices) {
    this.answers = new AnswerCache(services.keptAnswers ?? KEPT_ANSWERS);
    this.newsIntake = new NewsIntake({
      languageOf: (asker) => this.languageOf(asker),
      answerQuestion: (text, asker) => this.answerQuestion(text, asker),
      // Only a command or a phrase that asks for one: a guess from names alone would take news for questions.
      isQuestion: (text) => questionToCommand(text, this.readerFor(this.kb), { guess: false }) !== undefined,
      contextOf: (asker, lang) => this.context(asker, lang),
    });
  }

  /**
   * What reading a question takes (the commands, their phrases, each language's words), gathered
   * once per version of the data.
   */
  private readerFor(kb: KnowledgeBase): QuestionReader {
    if (this.reader?.kb !== kb) this.reader = questionReader(this.services.commands, this.services.translator, kb);
    return this.reader;
  }

  private reader: QuestionReader | undefined;

  get commands(): readonly CommandDefinition[] {
    return this.services.commands;
  }

  /** The knowledge answers come from now (adapters offer its names and regions as choices). */
  get kb(): KnowledgeBase {
    return this.services.knowledge.current();
  }

  get translator(): Translator {
    return this.services.translator;
  }

  /** The language of shared channels and of people whose language is unknown. */
  get defaultLang(): Lang {
    return this.services.defaultLang;
  }

  get logger(): Logger {
    return this.services.logger;
  }

  /** The bot's clock: now, for answers and for the leases of `claims`. */
  get clock(): Clock {
    return this.services.clock;
  }

  /** The store's claims, for work exactly one instance sharing the store must do (a Slack event delivered twice). */
  get claims(): Claims {
    return this.services.claims;
  }

  /** A message in `lang`, for words only an adapter says ("more…", "cannot read this message"). */
  t(lang: Lang, key: MessageKey, params?: MessageParams): string {
    return this.services.translator.t(lang, key, params);
  }

  parse(text: string): Invocation {
    const words = withoutCommandName(text);
    const first = words.split(/\s+/)[0] || 'help';
    const name = first.toLowerCase();
    const command = this.commandNamed(name);
    if (command) return { kind: 'command', command, argument: words.slice(first.length).trim() };
    return {
      kind: 'unknown',
      typed: first,
      suggestion: closestName(name, this.commandNames()),
    };
  }

  /**
   * Answers in `lang` when given (the console's --lang), else in the language the asker chose
   * with `lang`, else, for a question, in the language it is written in, else in their platform's
   * locale, else in the default language. The reply says which (`lang`).
   */
  async answer(typed: string, asker: Asker, lang?: Lang): Promise<Reply> {
    const known = this.knownChoices(asker, lang);
    const { chosen, zone, fallback, roles } = known ?? (await this.readChoices(asker, lang));
    const limit = this.lengthLimitExceeded(typed.length, () => this.carriesNews(typed));
    if (limit !== undefined) return tooLong(this.context(asker, fallback, this.kb, roles), limit);
    // Controls and invisible characters steer nothing the bot reads, and would come back in its
    // answers ("no event matches «‮…»", a right-to-left override turning the answer around).
    const text = removeInvisibleCharacters(typed);
    // One version of the data for the whole answer, even if a newer one is swapped in meanwhile.
    const kb = this.kb;
    const key = JSON.stringify(['text', commandPrefix(asker), [...roles], chosen, fallback, zone, text]);
    return (
      this.kept(kb, key) ??
      this.fresh(kb, key, (watch) => {
        const invocation = this.understand(text, kb);
        const lang = chosen ?? this.questionLanguage(text, invocation, kb) ?? fallback;
        const context = watch(
          this.context(asker, lang, kb, roles, zone),
          invocation.kind === 'unknown' || onlyReads(invocation.command, { text: invocation.argument }),
        );
        if (invocation.kind === 'unknown') {
          // "Who co-chairs GSEF?" is a question not understood, not a command named "Who".
          if (!invocation.suggestion && readsAsQuestion(text)) return notUnderstood(context);
          return unknownCommand(context, invocation.typed, invocation.suggestion);
        }
        return this.run(invocation.command, { kind: 'text', text: invocation.argument }, context);
      })
    );
  }

  /**
   * The answer kept under `key` (everything an answer is computed from, besides the data and the
   * clock, serialized) when it still holds. Looked up before anything of a fresh answer is made:
   * a kept answer is given without a promise of its own or a closure to compute it.
   */
  private kept(kb: KnowledgeBase, key: string): Reply | undefined {
    return this.answers.get(kb, key, this.zonedNow().today);
  }

  /**
   * An answer `compute`d now, kept under `key` when it may be. Its context goes through `watch`,
   * which notes what the answer reads: it is kept if it only read the knowledge and today's date,
   * and if running it again is harmless (`readOnly`), so that a command that changes something is
   * never answered from memory.
   */
  private async fresh(
    kb: KnowledgeBase,
    key: string,
    compute: (watch: (context: CommandContext, readOnly: boolean) => CommandContext) => Reply | Promise<Reply>,
  ): Promise<Reply> {
    const { today } = this.zonedNow();
    let dependence: () => Dependence = () => 'unrepeatable';
    const fresh = await compute((context, readOnly) => {
      const watched = watchedContext(context);
      if (readOnly) dependence = watched.dependence;
      return watched.context;
    });
    return this.answers.keep(kb, key, today, fresh, dependence());
  }

  /**
   * The command a text asks for: the command it names first, else the one a question in any of
   * the three languages reveals ("membres en afrique", "¿cuándo es el diálogo de África?"), else
   * the unknown word with the closest command name, to suggest.
   */
  understand(text: string, kb: KnowledgeBase = this.kb): Invocation {
    const invocation = this.parse(text);
    // A command's name alone (`next-event`) is no phrase of another command: a phrase must go on
    // beyond the first word. No question reader to build (a one-shot answer's 30 ms).
    if (invocation.kind === 'command' && isOneWord(withoutCommandName(text))) return invocation;
    const reader = this.readerFor(kb);
    if (invocation.kind === 'command' && !startsWithCommandPhrase(withoutCommandName(text), reader)) return invocation;
    // A misspelt command name ("nxt-event africa") is pointed to the right one, not guessed from its
    // other words, unless the text reads as a sentence of one language ("*liste des* dialogues politiques").
    const guess =
      invocation.kind === 'command' ||
      invocation.suggestion === undefined ||
      detectLanguage(text, reader.languageWords, 2) !== undefined;
    const question = questionToCommand(withoutCommandName(text), reader, { guess });
    const understood = question === undefined ? undefined : this.parse(question);
    return understood?.kind === 'command' ? understood : invocation;
  }

  /**
   * The language a question to a read-only command is written in; commands that write keep the
   * asker's. A command typed by its (English) name is read by its argument: `next-event africa`
   * says nothing of its typist's language, `events juillet` and `membres` do.
   */
  private questionLanguage(text: string, invocation: Invocation, kb: KnowledgeBase): Lang | undefined {
    if (invocation.kind === 'command' && !onlyReads(invocation.command, { text: invocation.argument }))
      return undefined;
    const typed = this.parse(text);
    const named = typed.kind === 'command' && withoutCommandName(text).toLowerCase().startsWith(typed.command.name);
    const words = named ? typed.argument : text;
    // No words, no language to tell (and no question reader to build).
    if (words.trim() === '') return undefined;
    return detectLanguage(words, this.readerFor(kb).languageWords, 1);
  }

  /**
   * Answers a command whose options came apart, by name (Discord's slash command), as `answer`
   * answers its text: its values are read by the same readers, refused in the same words.
   */
  async answerValues(given: CommandValues, asker: Asker, lang?: Lang): Promise<Reply> {
    const known = this.knownChoices(asker, lang);
    const { chosen, zone, fallback, roles } = known ?? (await this.readChoices(asker, lang));
    const kb = this.kb;
    const command = this.commandNamed(given.command);
    if (!command)
      return unknownCommand(
        this.context(asker, fallback, this.kb, roles),
        given.command,
        closestName(given.command, this.commandNames()),
      );
    let length = 0;
    for (const value of given.values.values()) length += String(value).length;
    const limit = this.lengthLimitExceeded(length, () => carriesNews(command));
    if (limit !== undefined) return tooLong(this.context(asker, fallback, this.kb, roles), limit);
    const values = visibleValues(given.values);
    const key = JSON.stringify([
      'values',
      commandPrefix(asker),
      [...roles],
      chosen,
      fallback,
      zone,
      command.name,
      given.subcommand,
      ...values,
    ]);
    return (
      this.kept(kb, key) ??
      this.fresh(kb, key, (watch) => {
        const typed = [...values.values()].filter((v) => typeof v === 'string').join(' ');
        const readOnly = onlyReads(command, given);
        const asked = readOnly ? detectLanguage(typed, this.readerFor(kb).languageWords, 1) : undefined;
        const context = watch(this.context(asker, chosen ?? asked ?? fallback, kb, roles, zone), readOnly);
        return this.run(command, { kind: 'values', subcommand: given.subcommand, values }, context);
      })
    );
  }

  /**
   * Whether `text` is a command that carries news (`news`, `newsletter edit`): its text is taken
   * as written, lines and paragraphs kept, up to MAX_NEWS_LENGTH characters.
   */
  carriesNews(text: string): boolean {
    // Only the first word is looked at: a text of megabytes is not split into words to find it.
    const name = /^\S{1,64}/.exec(withoutCommandName(text))?.[0].toLowerCase() ?? 'help';
    const command = this.commandNamed(name);
    return command !== undefined && carriesNews(command);
  }

  /** The limit a command text of `length` goes over, if it does: MAX_COMMAND_TEXT, or for news MAX_NEWS_LENGTH. */
  private lengthLimitExceeded(length: number, news: () => boolean): number | undefined {
    if (length <= MAX_COMMAND_TEXT) return undefined;
    if (!news()) return MAX_COMMAND_TEXT;
    return length > MAX_NEWS_COMMAND_TEXT ? MAX_NEWS_LENGTH : undefined;
  }

  private commandNamed(name: string): CommandDefinition | undefined {
    return this.commands.find((c) => c.name === name || c.aliases.includes(name));
  }

  private commandNames(): string[] {
    return this.commands.flatMap((c) => [c.name, ...c.aliases]);
  }

  /**
   * Answers a question addressed to the bot in a mention or a direct message, as the matching
   * command would; what it cannot understand gets a short help in the asker's language.
   */
  async answerQuestion(question: string, asker: Asker): Promise<Reply> {
    // A text longer than any command is refused by `answer` before it is read word by word.
    const kb = this.kb;
    if (question.length > MAX_COMMAND_TEXT || this.understand(question, kb).kind === 'command')
      return this.answer(question, asker);
    const lang =
      (await this.chosenLanguage(asker)) ??
      detectLanguage(question, this.readerFor(kb).languageWords, 1) ??
      langOfLocale(asker.locale) ??
      this.services.defaultLang;
    return notUnderstood(this.context(asker, lang, kb, await this.rolesOf(asker)));
  }

  /**
   * A message someone marked with 📋 (Slack's :clipboard:): its words proposed for the next
   * steering-committee meeting's agenda as the proposal of `asker`, who marked it (they vouch for
   * it, and must be one who may propose; the message's writer may not be). The answer is for them.
   */
  async proposeFromMessage(text: string, asker: Asker, origin: ProposalOrigin): Promise<Reply> {
    const context = this.context(asker, await this.languageOf(asker), this.kb, await this.rolesOf(asker));
    try {
      const meeting = nextSteeringMeeting(context.kb, context.today);
      return { ...(await proposeItem(context, meeting, text, origin)), lang: context.lang };
    } catch (error) {
      this.services.logger.error('proposing a marked message failed', { asker, origin, error });
      return { ...reply('error', context.t(apologyKey(error))), lang: context.lang };
    }
  }

  /** Runs a command (see `attempt`); the reply says the language it is written in. */
  private async run(command: CommandDefinition, input: InvocationInput, context: CommandContext): Promise<Reply> {
    return { ...(await this.attempt(command, input, context)), lang: context.lang };
  }

  /** Runs a command as the asker, if they may: its arguments read from what they gave, or the refusal of them. */
  private async attempt(command: CommandDefinition, input: InvocationInput, context: CommandContext): Promise<Reply> {
    if (command.permission !== 'everyone' && !context.roles.has(command.permission)) {
      return reply('invalid', context.t(ONLY_FOR[command.permission], { command: command.name }));
    }
    const read = readInvocation(command, input, context.kb);
    if (!read.ok) return refusalReply(context, read.refusal);
    try {
      return await read.run(context);
    } catch (error) {
      this.services.logger.error('command failed', {
        command: command.name,
        argument:
          input.kind === 'text' ? input.text : { subcommand: input.subcommand, ...Object.fromEntries(input.values) },
        asker: context.asker,
        lang: context.lang,
        error,
      });
      // The apology says what it can: a store that did not answer is worth trying again in a moment.
      return reply('error', context.t(apologyKey(error)));
    }
  }

  private lastNow: ZonedNow | undefined;

  /**
   * Now in the secretariat's zone, and today's date there. Converting to a zone costs more than a
   * whole answer (luxon asks Intl for the offset), so within one second the last one is reused,
   * the clock read in milliseconds to tell (no DateTime made for each answer).
   */
  private zonedNow(): ZonedNow {
    const { clock, timeZone } = this.services;
    const last = this.lastNow;
    if (last && Math.abs(clockMillis(clock) - last.ms) < 1000) return last;
    const now = clock().setZone(timeZone);
    this.lastNow = { now, today: now.toISODate() ?? '', ms: now.toMillis() };
    return this.lastNow;
  }

  /**
   * What an answer to `asker` depends on besides their words, when every part of it is known
   * without reading the store (each person's choices and roles are kept a few seconds after a
   * read): nearly every answer, which then waits for no promise. Else undefined: `readChoices`.
   */
  private knownChoices(asker: Asker, lang: Lang | undefined): AskerChoices | undefined {
    const { preferences, zones, roles } = this.services;
    const chosen = lang === undefined ? preferences.known(asker) : { value: lang };
    const zone = chosen && zones.known(asker);
    const grants = zone && roles.knownGrantsOf(asker);
    if (!grants) return undefined;
    return this.choices(asker, chosen.value, zone.value, this.heldRolesOf(asker, grants));
  }

  /** What an answer to `asker` depends on besides their words, read from the store where it must be. */
  private async readChoices(asker: Asker, lang: Lang | undefined): Promise<AskerChoices> {
    const [chosen, zone] = await Promise.all([lang ?? this.chosenLanguage(asker), this.zoneOf(asker)]);
    return this.choices(asker, chosen, zone, await this.rolesOf(asker));
  }

  private choices(
    asker: Asker,
    chosen: Lang | undefined,
    chosenZone: string | undefined,
    roles: ReadonlySet<PersonRole>,
  ): AskerChoices {
    const zone = chosenZone ?? asker.timeZone ?? this.services.timeZone;
    const fallback = chosen ?? langOfLocale(asker.locale) ?? this.services.defaultLang;
    return { chosen, zone, fallback, roles };
  }

  /** The language the asker chose with `lang`, else their platform's locale, else the default language. */
  async languageOf(asker: Asker): Promise<Lang> {
    return (await this.chosenLanguage(asker)) ?? langOfLocale(asker.locale) ?? this.services.defaultLang;
  }

  /** The language the asker chose with `lang`, if any. */
  private async chosenLanguage(asker: Asker): Promise<Lang | undefined> {
    try {
      return await this.services.preferences.get(asker);
    } catch (error) {
      // A store outage must not stop answers: fall back to the locale and say so in the logs.
      this.services.logger.warn('could not read the language preference', { asker, error });
      return undefined;
    }
  }

  /**
   * The time zone times are written in for `asker`: the one they chose with `tz`, else the one
   * their platform reports (a Slack profile's), else the bot's.
   */
  async zoneOf(asker: Asker): Promise<string> {
    return (await this.chosenZone(asker)) ?? asker.timeZone ?? this.services.timeZone;
  }

  private async chosenZone(asker: Asker): Promise<string | undefined> {
    try {
      return await this.services.zones.get(asker);
    } catch (error) {
      // As for the language: a store outage costs the person their choice, not their answer.
      this.services.logger.warn('could not read the time zone preference', { asker, error });
      return undefined;
    }
  }

  /**
   * The roles `asker` holds: the settings file's and the store's, and `editor` when their platform
   * says so (a Discord server role named in the settings). When the store does not answer, those of
   * the settings file only: nobody gains a role by an outage.
   */
  async rolesOf(asker: Asker): Promise<ReadonlySet<PersonRole>> {
    const { roles, logger } = this.services;
    try {
      return this.heldRolesOf(asker, await roles.grantsOf(asker));
    } catch (error) {
      logger.warn('could not read the roles in the store; only those of the settings file count', { asker, error });
      return heldRoles(asker, roles.grantsFromSettings(asker));
    }
  }

  /**
   * The roles of `grants` for `asker`, made once per array of grants the role book keeps (the same
   * array for as long as it trusts it), for an editor and for others, rather than for every answer.
   */
  private heldRolesOf(asker: Asker, grants: readonly RoleGrant[]): ReadonlySet<PersonRole> {
    let made = this.heldRoleSets.get(grants);
    if (!made) this.heldRoleSets.set(grants, (made = {}));
    const which = asker.isEditor ? 'editor' : 'other';
    return (made[which] ??= heldRoles(asker, grants));
  }

  private readonly heldRoleSets = new WeakMap<
    readonly RoleGrant[],
    { editor?: ReadonlySet<PersonRole>; other?: ReadonlySet<PersonRole> }
  >();

  /**
   * What a command is given: the asker and their roles (unless given, those the settings file
   * gives: enough for what answers no command, such as a refusal), words in `lang`, now, the
   * knowledge (the current version unless given), and the zone times are written in for the
   * asker (none given: the organiser's).
   */
  context(
    asker: Asker,
    lang: Lang,
    kb: KnowledgeBase = this.kb,
    roles: ReadonlySet<PersonRole> = heldRoles(asker, this.services.roles.grantsFromSettings(asker)),
    readerZone?: string,
  ): CommandContext {
    const { commands, preferences, zones, news, pendingNews, outbox, defaultLang, proposals } = this.services;
    const { now, today } = this.zonedNow();
    const { t, words, has, formatDate, formatDayOf } = this.localeContextOf(lang, commandPrefix(asker));
    // Every property named, in one order, none spread in: contexts of one shape, made without
    // copying another object's properties (spreading made this a quarter of a computed answer's time).
    return {
      lang,
      t,
      words,
      has,
      formatDate,
      formatDayOf,
      kb,
      readerZone,
      asker,
      now,
      today,
      defaultLang,
      inLanguage: this.inOtherLanguage,
      commands,
      languages: preferences,
      zones,
      news,
      pendingNews,
      notices: outbox,
      roles,
      people: this.services.roles,
      proposals,
      attendance: this.services.attendance,
      committee: this.services.committee,
      minutes: this.services.minutes,
    };
  }

  /** `inLanguage`, as every context gives it. */
  private readonly inOtherLanguage = (lang: Lang): PresenterContext => this.inLanguage(lang);

  /**
   * The words of `lang` with commands typed as `cmd`, made once for each (their functions read
   * only the translator, the language and the bot's zone, which do not change while it runs).
   */
  private localeContextOf(lang: Lang, cmd: string): LocaleContext {
    const key = cmd + lang;
    let made = this.localeContexts.get(key);
    if (!made) {
      made = localeContext(this.services.translator, lang, this.services.timeZone, { cmd });
      this.localeContexts.set(key, made);
    }
    return made;
  }

  private readonly localeContexts = new Map<string, LocaleContext>();

  /** Words and knowledge in `lang`, with no asker: for reminders, an author's notice, a shared channel. */
  inLanguage(lang: Lang): PresenterContext {
    return { ...localeContext(this.services.translator, lang, this.services.timeZone), kb: this.kb };
  }
}

/**
 * How a command is typed where the asker is, for answers that name one ("Type `/gsef help`"): the
 * `{cmd}` of the locale files. At the console a command is typed bare; chat platforms register it
 * as the slash command /gsef (the Slack manifest and the Discord registration both do).
 */
function commandPrefix(asker: Asker): string {
  return asker.platform === 'console' ? '' : '/gsef ';
}

/**
 * Whether any form of `command` carries news, whose text may be longer than a command's: found
 * once per command (Slack asks it of every `/gsef` text, to know how to clean it).
 */
function carriesNews(command: CommandDefinition): boolean {
  let news = NEWS_COMMANDS.get(command);
  if (news === undefined) {
    news = [command.form, ...command.subcommands.map((s) => s.form)].some((form) =>
      form?.options.some((option) => option.type === 'news-text'),
    );
    NEWS_COMMANDS.set(command, news);
  }
  return news;
}

const NEWS_COMMANDS = new WeakMap<CommandDefinition, boolean>();

function tooLong(context: CommandContext, limit: number): Reply {
  return {
    ...reply('invalid', context.t('errors.tooLong', { max: formatNumber(limit, context.lang) })),
    lang: context.lang,
  };
}

/** A short help for a question the bot could not read: what it can be asked, in the asker's language. */
function notUnderstood(context: CommandContext): Reply {
  const examples = context.words('question.examples').map((e) => ({ title: e, details: [] }));
  return {
    ...reply('empty', context.t('question.notUnderstood'), [
      { type: 'list', heading: context.t('question.try'), items: examples },
    ]),
    lang: context.lang,
  };
}

/** A question mark, or several words: a sentence, where a command would be one name and its options. */
function readsAsQuestion(text: string): boolean {
  return /[?？]\s*$/.test(text) || withoutCommandName(text).split(/\s+/).length >= 3;
}

function unknownCommand(context: CommandContext, typed: string, suggestion: string | undefined): Reply {
  const hint = suggestion ? context.t('errors.didYouMean', { suggestion }) : context.t('errors.seeHelp');
  return {
    ...reply('invalid', context.t('errors.unknownCommand', { typed }), [{ type: 'text', text: hint }]),
    lang: context.lang,
  };
}

/**
 * A command's values without invisible characters (see `answer`): the same map when none has any
 * (nearly always), a copy without them otherwise.
 */
function visibleValues(values: ReadonlyMap<string, OptionInput>): ReadonlyMap<string, OptionInput> {
  let visible: Map<string, OptionInput> | undefined;
  for (const [name, value] of values) {
    const cleaned = typeof value === 'string' ? removeInvisibleCharacters(value) : value;
    if (cleaned !== value) visible ??= new Map(values);
    visible?.set(name, cleaned);
  }
  return visible ?? values;
}

/** A text (trimmed) of one word: no space inside. */
function isOneWord(text: string): boolean {
  return !/\s/.test(text);
}

/** The text after `/gsef` or `gsef`, if it starts with either. */
function withoutCommandName(text: string): string {
  return text
    .trim()
    .replace(/^\/?gsef\b/i, '')
    .trim();
}

/** `fr-FR` -> `fr`; `es-419` -> `es`; `de-DE` -> undefined. */
export function langOfLocale(locale: string | undefined): Lang | undefined {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  return base && isLang(base) ? base : undefined;
}
