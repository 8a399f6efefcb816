import type { Lang } from '../domain/vocabulary.js';

/**
 * "Label: value" as each language writes it: French puts a space before the colon (a
 * non-breaking one, so that the colon never starts a line); English and Spanish do not.
 */
export function labelled(lang: Lang, label: string, value: string): string {
  return `${label}${lang === 'fr' ? '\u00a0: ' : ': '}${value}`;
}

/** The text with its first letter capitalised as the language does it: a name that starts a heading ("français" → "Français"). */
export function capitalized(lang: Lang, text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const firstChar = String.fromCodePoint(first);
  return firstChar.toLocaleUpperCase(lang) + text.slice(firstChar.length);
}
