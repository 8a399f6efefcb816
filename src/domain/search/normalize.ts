/** "C.I.T.I.E.S." and "U.N.": letters each followed by a dot, read as the one word they spell. */
const DOTTED_ACRONYM = /(?<!\p{Letter})(?:\p{Letter}\.){2,}/gu;

/**
 * Folds text for matching: lower case, no accents, punctuation as spaces. "Séoul" and "seoul",
 * "África" and "africa", "Côte d'Ivoire" and "cote d ivoire" fold to the same thing; "C.I.T.I.E.S."
 * and "CITIES" too.
 */
export function normalize(text: string): string {
  return text
    .replace(DOTTED_ACRONYM, (acronym) => acronym.replaceAll('.', ''))
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
    .trim();
}

/** The folded words of a text. */
export function tokenize(text: string): string[] {
  const folded = normalize(text);
  return folded === '' ? [] : folded.split(' ');
}
