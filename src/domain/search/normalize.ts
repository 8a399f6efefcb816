/** "C.I.T.I.E.S." and "U.N.": letters each followed by a dot, read as the one word they spell. */
const DOTTED_ACRONYM = /(?<!\p{Letter})(?:\p{Letter}\.){2,}/gu;
/** A character outside ASCII (each half of a surrogate pair included). */
const NON_ASCII = /[\u0080-\uffff]/;
/** The only ASCII characters that are diacritics: the accents NFD would take off, as alone. */
const ASCII_DIACRITICS = /[\^`]/g;

/**
 * Folds text for matching: lower case, no accents, punctuation as spaces. "Séoul" and "seoul",
 * "África" and "africa", "Côte d'Ivoire" and "cote d ivoire" fold to the same thing; "C.I.T.I.E.S."
 * and "CITIES" too. Text that is ASCII (most titles, and most of the rest once its accents are
 * off) takes plain character classes: the Unicode ones cost several times as much, and folding
 * is most of the work of building the indexes at start-up.
 */
export function normalize(text: string): string {
  const undotted = text.includes('.') ? text.replace(DOTTED_ACRONYM, (acronym) => acronym.replaceAll('.', '')) : text;
  const unaccented = NON_ASCII.test(undotted)
    ? undotted.normalize('NFD').replace(/\p{Diacritic}/gu, '')
    : undotted.replace(ASCII_DIACRITICS, '');
  const lower = unaccented.toLowerCase();
  return (
    NON_ASCII.test(lower) ? lower.replace(/[^\p{Letter}\p{Number}]+/gu, ' ') : lower.replace(/[^a-z0-9]+/g, ' ')
  ).trim();
}

/** The folded words of a text. */
export function tokenize(text: string): string[] {
  const folded = normalize(text);
  return folded === '' ? [] : folded.split(' ');
}

/**
 * {@link tokenize} remembering what each space-separated piece of text folds to: a piece folds the
 * same alone as within its text (a space is a separator, changed by no step of the folding, and no
 * step reads across it), and the pieces recur ("World", "Social", "Forum" in hundreds of titles),
 * so building the indexes folds each distinct piece once instead of each text whole.
 */
export function pieceTokenizer(): (text: string) => string[] {
  const folded = new Map<string, readonly string[]>();
  return (text) => {
    const tokens: string[] = [];
    for (const piece of text.split(' ')) {
      if (piece === '') continue;
      let pieceTokens = folded.get(piece);
      if (pieceTokens === undefined) folded.set(piece, (pieceTokens = tokenize(piece)));
      for (const token of pieceTokens) tokens.push(token);
    }
    return tokens;
  };
}
