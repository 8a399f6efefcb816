import { LANGS, type Lang } from '../domain/vocabulary.js';
import { tokenize } from '../domain/search/normalize.js';

/**
 * The language a text is written in, by counting each language's most common words (the locale
 * files' stopwords); undefined when the text is too short or too mixed to tell.
 */
export function detectLanguage(text: string, stopwords: Record<Lang, ReadonlySet<string>>): Lang | undefined {
  const words = tokenize(text);
  const scores = LANGS.map((lang) => ({ lang, score: words.filter((w) => stopwords[lang].has(w)).length })).sort((a, b) => b.score - a.score);
  const [best, second] = scores as [(typeof scores)[0], (typeof scores)[0]];
  return best.score >= 2 && best.score > second.score ? best.lang : undefined;
}
