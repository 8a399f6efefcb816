import type { LocalizedText } from '../catalog/schema.js';
import { LANGS, type Lang } from './vocabulary.js';

/**
 * A text made for every language, each language's made the first time it is read. An answer
 * reads one language: making the others for every statutory meeting the calendar holds cost a
 * one-shot answer the month's name in two more languages (the first use of their calendar data),
 * and a start at 100 times the data some 60 ms.
 */
export function byLanguage(text: (lang: Lang) => string): LocalizedText {
  const made: Partial<Record<Lang, string>> = {};
  const texts = {} as LocalizedText;
  for (const lang of LANGS)
    Object.defineProperty(texts, lang, { enumerable: true, get: () => (made[lang] ??= text(lang)) });
  return texts;
}
