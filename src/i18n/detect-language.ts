import { LANGS, type Lang } from '../domain/vocabulary.js';
import { tokenize } from '../domain/search/normalize.js';

/** Letters that, in these three languages, only one writes: French è ê à ç œ ù û î ï ë, Spanish ñ ¿ ¡ á í ó ú. */
const OWN_LETTERS: Partial<Record<Lang, RegExp>> = { fr: /[èêàçœùûîïë]/g, es: /[ñ¿¡áíóú]/g };

/** How many letters only `lang` writes the text holds (English has none of its own). */
function ownLetters(lower: string, lang: Lang): number {
  const letters = OWN_LETTERS[lang];
  return letters ? (lower.match(letters)?.length ?? 0) : 0;
}

/** Each language's common words that the other two do not also use (French and Spanish share la, de, son…). */
export type LanguageWords = Record<Lang, ReadonlySet<string>>;

export function distinctiveWords(common: Record<Lang, Iterable<string>>): LanguageWords {
  // As sets: the lists hold every word of the data's titles, and a search of a list per word made
  // this quadratic (1.6 s at 100 times the data).
  const sets = { en: new Set(common.en), fr: new Set(common.fr), es: new Set(common.es) };
  const own = (lang: Lang) =>
    new Set([...sets[lang]].filter((word) => LANGS.every((other) => other === lang || !sets[other].has(word))));
  return { en: own('en'), fr: own('fr'), es: own('es') };
}

/**
 * The language a text is written in, from its distinctive common words and letters; undefined
 * when it is too short or too mixed to tell (the caller then goes by the author's language).
 * `evidence` is how many distinctive words or letters the winner needs: a news item must show
 * two, a short question ("membres afrique") may be read from one when nothing contradicts it.
 */
export function detectLanguage(text: string, words: LanguageWords, evidence = 2): Lang | undefined {
  const tokens = tokenize(text);
  const lower = text.toLowerCase();
  const scores = LANGS.map((lang) => ({
    lang,
    score: tokens.filter((token) => words[lang].has(token)).length + ownLetters(lower, lang),
  })).sort((a, b) => b.score - a.score);
  const [best, second] = scores as [(typeof scores)[0], (typeof scores)[0]];
  return best.score >= evidence && best.score > second.score ? best.lang : undefined;
}
