import type { DateTime } from 'luxon';
import type { KnowledgeBase } from '../domain/knowledge-base.js';
import type { Lang } from '../domain/vocabulary.js';
import type { Asker } from '../domain/asker.js';
import type { MessageParams, Translator } from '../i18n/translator.js';
import type { Reply } from '../reply/reply.js';
import type { LanguagePreferences } from '../i18n/language-preferences.js';
import type { NewsService } from '../news/news-service.js';
import type { PendingNews } from '../news/pending-news.js';
import type { Outbox } from '../messaging/outbox.js';

/**
 * What a command's option holds. Platforms use it to offer the right input: Discord shows region
 * and month choices or autocompletes names; the console and Slack take free text. A member
 * filter takes no month: members have none. 'news-text' is free text that goes into the
 * newsletter (an item, an edit of one, a reason for refusing one): taken as written, its lines,
 * paragraphs and the people it names kept, up to a news item's length rather than a command's.
 */
export type OptionType =
  'event-filter' | 'member-filter' | 'event-name' | 'member-name' | 'meeting' | 'command-name' | 'text' | 'news-text';

export interface CommandOption {
  name: string;
  type: OptionType;
  required: boolean;
}

/** Everything a handler may use: the knowledge, the clock, the asker and their language. */
export interface CommandContext {
  kb: KnowledgeBase;
  translator: Translator;
  lang: Lang;
  /** The bot's default language (GSEF_LANG): for messages to a shared channel, such as the editors'. */
  defaultLang: Lang;
  /** Now, in the secretariat's time zone. */
  now: DateTime;
  /** Today's calendar day (ISO) in that zone. */
  today: string;
  asker: Asker;
  /** Saved language choices, for `lang`. */
  preferences: LanguagePreferences;
  /** The newsletter queue. */
  news: NewsService;
  /** Direct messages waiting for their author to say whether they are news. */
  pendingNews: PendingNews;
  /** Messages to authors and to the editorial committee. */
  outbox: Outbox;
  /** Every command, for `help`. */
  commands: readonly CommandDefinition[];
  /** A message in the asker's language. */
  t(key: string, params?: MessageParams): string;
}

/**
 * A chat command, declared once. Slack, Discord, the console, the Slack manifest and the Discord
 * registration are all derived from these declarations; the help text is in the locale files
 * under `commands.<name>`.
 */
export interface CommandDefinition {
  name: string;
  /** Other names that reach the command (`next` for `next-event`). */
  aliases: readonly string[];
  /** The text after the command name goes to the last option; commands here take at most one. */
  options: readonly CommandOption[];
  permission: 'everyone' | 'editor';
  /**
   * True when running the command only reads: its answer may then be shared in a channel, where it
   * is computed again for whoever shares it. False for commands that change something (`lang`,
   * `news`, `newsletter`): running them again would do it again.
   */
  readOnly: boolean;
  handle(context: CommandContext, argument: string): Reply | Promise<Reply>;
}

export function defineCommand(definition: CommandDefinition): CommandDefinition {
  return definition;
}
