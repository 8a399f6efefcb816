import type { Lang } from '../domain/vocabulary.js';

/**
 * "Label: value" as each language writes it: French puts a space before the colon (a
 * non-breaking one, so that the colon never starts a line); English and Spanish do not.
 */
export function labelled(lang: Lang, label: string, value: string): string {
  return `${label}${lang === 'fr' ? '\u00a0: ' : ': '}${value}`;
}
