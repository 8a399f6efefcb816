import type { DateTime } from 'luxon';
import type { Clock } from './clock.js';
import type { CommandContext, CommandDefinition } from './dispatch/command.js';
import type { Asker } from './domain/asker.js';
import { questionToCommand } from './dispatch/question-to-command.js';
import { closestName } from './dispatch/suggest.js';
import type { KnowledgeBase } from './domain/knowledge-base.js';
import { isLang, type Lang } from './domain/vocabulary.js';
import { formatNumber } from './i18n/format-number.js';
import type { MessageParams, Translator } from './i18n/translator.js';
import type { Logger } from './logger.js';
import { reply, type Reply } from './reply/reply.js';
import type { Claims } from './store/claims.js';
import type { LanguagePreferences } from './i18n/language-preferences.js';
import { MAX_NEWS_LENGTH, type NewsService } from './news/news-service.js';
import type { PendingNews } from './news/pending-news.js';
import type { Outbox } from './messaging/outbox.js';

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

export interface BotServices {
  kb: KnowledgeBase;
  translator: Translator;
  clock: Clock;
  timeZone: string;
  /** The language of answers when the asker's is unknown (GSEF_LANG, else settings.yaml). */
  defaultLang: Lang;
  commands: readonly CommandDefinition[];
  preferences: LanguagePreferences;
  news: NewsService;
  pendingNews: PendingNews;
  outbox: Outbox;
  /** The store's claims, for work exactly one instance sharing it must do (a Slack event delivered twice). */
  claims: Claims;
  logger: Logger;
}

/** A command found in what the user typed, with the rest of the text as its argument. */
export type Invocation =
  | { kind: 'command'; command: CommandDefinition; argument: string }
  | { kind: 'unknown'; typed: string; suggestion: string | undefined };

/**
 * The one entry point every platform calls: text in (`next-event africa`, with or without
 * `/gsef`), a platform-neutral reply out. It never throws: a failing handler is logged with its
 * context and the asker gets a short apology in their language.
 */
export class Bot {
  constructor(readonly services: BotServices) {}

  get commands(): readonly CommandDefinition[] {
    return this.services.commands;
  }

  /** The knowledge the answers come from (adapters offer its names and regions as choices). */
  get kb(): KnowledgeBase {
    return this.services.kb;
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

  /** A message in `lang`, for words only an adapter says ("more…", "cannot read this message"). */
  t(lang: Lang, key: string, params?: MessageParams): string {
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
      suggestion: closestName(
        name,
        this.commands.flatMap((c) => [c.name, ...c.aliases]),
      ),
    };
  }

  /**
   * Answers in `lang` when given (the console's --lang), else in the language the asker chose
   * with `lang`, else in their platform's locale, else in the default language.
   */
  async answer(text: string, asker: Asker, lang?: Lang): Promise<Reply> {
    const context = this.context(asker, lang ?? (await this.languageOf(asker)));
    const limit = this.lengthLimitExceeded(text);
    if (limit !== undefined)
      return reply('invalid', context.t('errors.tooLong', { max: formatNumber(limit, context.lang) }));
    const invocation = this.parse(text);
    if (invocation.kind === 'unknown') {
      // A question after /gsef ("/gsef quand est le prochain événement ?") is answered as in a
      // direct message; a misspelt command name is pointed to the right one instead.
      const question = invocation.suggestion
        ? undefined
        : questionToCommand(withoutCommandName(text), this.commands, this.services.translator);
      const understood = question === undefined ? undefined : this.parse(question);
      if (understood?.kind === 'command') return this.run(understood.command, understood.argument, context);
      const title = context.t('errors.unknownCommand', { typed: invocation.typed });
      const hint = invocation.suggestion
        ? context.t('errors.didYouMean', { suggestion: invocation.suggestion })
        : context.t('errors.seeHelp');
      return reply('invalid', title, [{ type: 'text', text: hint }]);
    }
    return this.run(invocation.command, invocation.argument, context);
  }

  /**
   * Whether `text` is a command that carries news (`news`, `newsletter edit`): its text is taken
   * as written, lines and paragraphs kept, up to MAX_NEWS_LENGTH characters.
   */
  carriesNews(text: string): boolean {
    // Only the first word is looked at: a text of megabytes is not split into words to find it.
    const name = /^\S{1,64}/.exec(withoutCommandName(text))?.[0].toLowerCase() ?? 'help';
    return this.commandNamed(name)?.options.some((option) => option.type === 'news-text') ?? false;
  }

  /** The limit `text` goes over, if it does: MAX_COMMAND_TEXT, or for news MAX_NEWS_LENGTH. */
  private lengthLimitExceeded(text: string): number | undefined {
    if (text.length <= MAX_COMMAND_TEXT) return undefined;
    if (!this.carriesNews(text)) return MAX_COMMAND_TEXT;
    return text.length > MAX_NEWS_COMMAND_TEXT ? MAX_NEWS_LENGTH : undefined;
  }

  private commandNamed(name: string): CommandDefinition | undefined {
    return this.commands.find((c) => c.name === name || c.aliases.includes(name));
  }

  /**
   * Answers a question addressed to the bot in a mention or a direct message, as the matching
   * command would; what it cannot understand gets a short help in the asker's language.
   */
  async answerQuestion(question: string, asker: Asker): Promise<Reply> {
    const commandText = questionToCommand(question, this.commands, this.services.translator);
    if (commandText !== undefined) return this.answer(commandText, asker);
    const context = this.context(asker, await this.languageOf(asker));
    return reply('empty', context.t('question.notUnderstood'), [
      {
        type: 'list',
        heading: context.t('question.try'),
        items: context.translator.words(context.lang, 'question.examples').map((e) => ({ title: e, details: [] })),
      },
    ]);
  }

  private async run(command: CommandDefinition, argument: string, context: CommandContext): Promise<Reply> {
    if (command.permission === 'editor' && !context.asker.isEditor) {
      return reply('invalid', context.t('errors.editorsOnly', { command: command.name }));
    }
    try {
      return await command.handle(context, argument);
    } catch (error) {
      this.services.logger.error('command failed', {
        command: command.name,
        argument,
        asker: context.asker,
        lang: context.lang,
        error,
      });
      return reply('error', context.t('errors.apology'));
    }
  }

  private lastNow: { at: DateTime; today: string } | undefined;

  /**
   * Now in the secretariat's zone, and today's date there. Converting to a zone costs more than a
   * whole answer (luxon asks Intl for the offset), so within one second the last one is reused.
   */
  private zonedNow(): { now: DateTime; today: string } {
    const instant = this.services.clock();
    const last = this.lastNow;
    if (last && Math.abs(instant.toMillis() - last.at.toMillis()) < 1000) return { now: last.at, today: last.today };
    const now = instant.setZone(this.services.timeZone);
    this.lastNow = { at: now, today: now.toISODate() ?? '' };
    return { now, today: this.lastNow.today };
  }

  async languageOf(asker: Asker): Promise<Lang> {
    let saved: Lang | undefined;
    try {
      saved = await this.services.preferences.get(asker);
    } catch (error) {
      // A store outage must not stop answers: fall back to the locale and say so in the logs.
      this.services.logger.warn('could not read the language preference', { asker, error });
    }
    return saved ?? langOfLocale(asker.locale) ?? this.services.defaultLang;
  }

  context(asker: Asker, lang: Lang): CommandContext {
    const { kb, translator, commands, preferences, news, pendingNews, outbox } = this.services;
    const { now, today } = this.zonedNow();
    return {
      kb,
      translator,
      lang,
      defaultLang: this.services.defaultLang,
      now,
      today,
      asker,
      preferences,
      news,
      pendingNews,
      outbox,
      commands,
      t: (key, params) => translator.t(lang, key, { cmd: commandPrefix(asker), ...params }),
    };
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
