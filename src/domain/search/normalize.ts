/**
 * Folds text for matching: lower case, no accents, punctuation as spaces. "Séoul" and "seoul",
 * "África" and "africa", "Côte d'Ivoire" and "cote d ivoire" fold to the same thing.
 */
export function normalize(text: string): string {
  return text
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
