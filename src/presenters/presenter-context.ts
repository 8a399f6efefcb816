import type { KnowledgeBase } from '../domain/knowledge-base.js';
import type { LocaleContext } from '../i18n/locale-context.js';

/** What presenters use: words and dates in the asker's language, and the knowledge that names places, members and meetings. */
export interface PresenterContext extends LocaleContext {
  readonly kb: KnowledgeBase;
  /**
   * The time zone of the one person the answer is written for (their `tz` choice, else their
   * platform's, else the bot's); absent for what many read (a reminder in a channel), where times
   * are written in the organiser's zone.
   */
  readonly readerZone?: string;
}
