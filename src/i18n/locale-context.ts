import { DateTime } from 'luxon';
import type { EventDate } from '../domain/event-date.js';
import type { Lang } from '../domain/vocabulary.js';
import { formatDay, formatEventDate } from './format-date.js';
import type { MessageKey, WordsKey } from './message-keys.js';
import type { MessageParams, Translator } from './translator.js';

/** Words and dates in one language: what a presenter needs to say something. */
export interface LocaleContext {
  readonly lang: Lang;
  /** A message in this language. */
  t(key: MessageKey, params?: MessageParams): string;
  /** A list of words or examples in this language. */
  words(key: WordsKey): readonly string[];
  /** Whether a key made at run time is in the locale files (a test's own command has no help). */
  has(key: string): boolean;
  /** A date as precisely as it is known: "10–12 January 2019", "February 2019 (day to be confirmed)". */
  formatDate(date: EventDate): string;
  /** The calendar day an instant (ISO 8601) falls on where the bot reckons days: "10 November 2026". */
  formatDayOf(instant: string): string;
}

/**
 * The locale context of `lang`, days reckoned in `timeZone`. `params` go with every message (the
 * `{cmd}` that names commands as they are typed where the asker is).
 */
export function localeContext(
  translator: Translator,
  lang: Lang,
  timeZone: string,
  params: MessageParams = {},
): LocaleContext {
  return {
    lang,
    // The call's own parameters, then these: no object merging the two for every message.
    t: (key, more) => translator.t(lang, key, more, params),
    words: (key) => translator.words(lang, key),
    has: (key) => translator.has(lang, key),
    formatDate: (date) => formatEventDate(date, lang, translator),
    formatDayOf: (instant) =>
      formatDay(DateTime.fromISO(instant, { zone: 'utc' }).setZone(timeZone).toISODate() ?? instant.slice(0, 10), lang),
  };
}
