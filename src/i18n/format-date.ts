import { DateTime } from 'luxon';
import type { EventDate } from '../domain/event-date.js';
import type { Lang } from '../domain/vocabulary.js';
import type { Translator } from './translator.js';
import { ordinal } from './typography.js';

/** The locale used to format dates: British English writes "8 January 2019", as Europe reads it. */
export const DATE_LOCALE: Record<Lang, string> = { en: 'en-GB', fr: 'fr-FR', es: 'es-ES' };

const DAY_MONTH_YEAR = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;

// Building an Intl formatter costs far more than using one: one per language, made once.
const dayFormats = new Map<Lang, Intl.DateTimeFormat>();
function dayFormat(lang: Lang): Intl.DateTimeFormat {
  let format = dayFormats.get(lang);
  if (!format) dayFormats.set(lang, (format = new Intl.DateTimeFormat(DATE_LOCALE[lang], DAY_MONTH_YEAR)));
  return format;
}
const monthFormats = new Map<string, string>();

const WEEKDAY_DAY_MONTH_YEAR = { weekday: 'long', ...DAY_MONTH_YEAR } as const;
const weekdayFormats = new Map<Lang, Intl.DateTimeFormat>();

/**
 * A date as precisely as it is known: "10–12 January 2019", "February 2019 (day to be confirmed)".
 * Formatting is the costliest step of an answer, and the data holds few distinct dates: each is
 * formatted once per language and translator.
 */
export function formatEventDate(date: EventDate, lang: Lang, translator: Translator): string {
  const cache = dateTextsOf(translator);
  // The data's dates are the same objects from one answer to the next: found by the object, an
  // answer's dates need no key made for each (a list of 25 events made 50).
  const ofDate = cache.byDate[lang];
  let text = ofDate.get(date);
  if (text === undefined) {
    const key = `${lang}|${date.precision}|${date.start}|${date.end}`;
    text = cache.byValue.get(key);
    if (text === undefined) cache.byValue.set(key, (text = formatUncached(date, lang, translator)));
    ofDate.set(date, text);
  }
  return text;
}

/** The dates a translator's messages have worded: by the date object, and by its value (a date made anew). */
interface DateTexts {
  byDate: Record<Lang, WeakMap<EventDate, string>>;
  byValue: Map<string, string>;
}

/** Cached texts depend on the locale files: each translator (each set of messages) has its own. */
const dateTexts = new WeakMap<Translator, DateTexts>();

function dateTextsOf(translator: Translator): DateTexts {
  let texts = dateTexts.get(translator);
  if (!texts) {
    texts = { byDate: { en: new WeakMap(), fr: new WeakMap(), es: new WeakMap() }, byValue: new Map() };
    dateTexts.set(translator, texts);
  }
  return texts;
}

function formatUncached(date: EventDate, lang: Lang, translator: Translator): string {
  switch (date.precision) {
    case 'day': {
      const format = dayFormat(lang);
      const start = utcDate(date.start);
      const parts =
        date.start === date.end ? format.formatToParts(start) : format.formatRangeToParts(start, utcDate(date.end));
      // ICU puts thin spaces around the range dash; chat clients and terminals show plain ones better.
      return joinDateParts(parts, lang).replace(/[\u2009\u202f]/g, ' ');
    }
    case 'month-day-unknown':
      return translator.t(lang, 'date.monthDayUnknown', { month: formatMonth(date.year, date.month, lang) });
    case 'month':
      return formatMonth(date.year, date.month, lang);
    case 'half-year':
      return translator.t(lang, `date.halfYear.h${date.half}`, { year: date.year });
  }
}

export function formatMonth(year: number, month: number, lang: Lang): string {
  const key = `${lang}:${year}-${month}`;
  let text = monthFormats.get(key);
  if (text === undefined) {
    text = DateTime.fromObject({ year, month })
      .setLocale(DATE_LOCALE[lang])
      .toLocaleString({ month: 'long', year: 'numeric' });
    monthFormats.set(key, text);
  }
  return text;
}

export function monthName(month: number, lang: Lang): string {
  return DateTime.fromObject({ year: 2000, month }).setLocale(DATE_LOCALE[lang]).toLocaleString({ month: 'long' });
}

export function formatDay(isoDay: string, lang: Lang): string {
  return joinDateParts(dayFormat(lang).formatToParts(utcDate(isoDay)), lang);
}

/** A calendar day with its weekday: "Friday, 1 January 2027", "vendredi 1er janvier 2027". */
export function formatWeekday(isoDay: string, lang: Lang): string {
  let format = weekdayFormats.get(lang);
  if (!format) weekdayFormats.set(lang, (format = new Intl.DateTimeFormat(DATE_LOCALE[lang], WEEKDAY_DAY_MONTH_YEAR)));
  return joinDateParts(format.formatToParts(utcDate(isoDay)), lang);
}

/** A formatted date's parts put together, the first of a month as French writes it: "1er juillet 2019" (ICU says "1 juillet"). */
function joinDateParts(parts: readonly Intl.DateTimeFormatPart[], lang: Lang): string {
  return parts
    .map((part) =>
      lang === 'fr' && part.type === 'day' && part.value === '1' ? ordinal(lang, 1, 'masculine') : part.value,
    )
    .join('');
}

function utcDate(isoDay: string): Date {
  return new Date(`${isoDay}T00:00:00Z`);
}
