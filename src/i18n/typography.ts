import { FRENCH_SPACE, frenchSpacing } from '../catalog/french-spacing.js';
import type { Lang } from '../domain/vocabulary.js';

/**
 * How each language punctuates, in one place for the locale files, the code that joins words and
 * the data's texts:
 *
 * - French puts a no-break space (U+00A0, FRENCH_SPACE) before `: ; ! ?` and inside « »
 *   (« texte »). One space for every mark: U+00A0 shows in every chat client, terminal and
 *   e-mail font, where the narrow U+202F does not always. data/locales/fr.yaml is written so
 *   (test/i18n/locale-typography.test.ts checks it), the code joins words with the functions
 *   below, and the data's French texts go through frenchSpacing when the catalog is loaded.
 * - Spanish quotes with «» and no space inside, opens a question or an exclamation with ¿ ¡, and
 *   writes ordinals 1.º, 1.ª (1.er before a masculine noun it shortens: 1.er trimestre).
 * - English quotes with “ ”.
 */
export { FRENCH_SPACE, frenchSpacing };

/** "Label: value" as each language writes it: "Lieu : Paris" in French (no-break space), "Place: Paris" otherwise. */
export function labelled(lang: Lang, label: string, value: string): string {
  return `${label}${lang === 'fr' ? `${FRENCH_SPACE}: ` : ': '}${value}`;
}

/** A quotation as the language marks it: “text”, « texte », «texto». */
export function quoted(lang: Lang, text: string): string {
  switch (lang) {
    case 'en':
      return `“${text}”`;
    case 'fr':
      return `«${FRENCH_SPACE}${text}${FRENCH_SPACE}»`;
    case 'es':
      return `«${text}»`;
  }
}

/** The grammatical gender of the noun an ordinal goes with: French and Spanish ordinals agree with it. */
export type Gender = 'masculine' | 'feminine';

/**
 * A number as an ordinal, agreeing with its noun: 1st, 2nd (English); 1er, 1re, 2e (French);
 * 1.º, 1.ª, 2.º (Spanish).
 */
export function ordinal(lang: Lang, n: number, gender: Gender): string {
  switch (lang) {
    case 'en': {
      const tens = n % 100;
      const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
      return `${n}${suffix}`;
    }
    case 'fr':
      return n === 1 ? (gender === 'masculine' ? '1er' : '1re') : `${n}e`;
    case 'es':
      return `${n}.${gender === 'masculine' ? 'º' : 'ª'}`;
  }
}

/** The text with its first letter capitalised as the language does it: a name that starts a heading ("français" → "Français"). */
export function capitalized(lang: Lang, text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const firstChar = String.fromCodePoint(first);
  return firstChar.toLocaleUpperCase(lang) + text.slice(firstChar.length);
}
