import type { Lang } from '../domain/vocabulary.js';

/**
 * A whole number as people of the language write it: 4,000 in English, 4 000 in French, 4.000 in
 * Spanish. Grouped from four digits on in every language, so that one limit reads the same way
 * in all three messages that state it.
 */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(lang, { useGrouping: 'always', maximumFractionDigits: 0 }).format(value);
}
