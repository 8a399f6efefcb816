import type Keyv from 'keyv';
import type { Catalog } from '../catalog/load-catalog.js';
import type { Clock } from '../clock.js';
import { normalize } from '../domain/search/normalize.js';
import type { Lang } from '../domain/vocabulary.js';
import { newsRepositoryOf } from './news-repository.js';
import { NewsService } from './news-service.js';

/** The newsletter desk over the store, with the data's settings and each language's common words. */
export function createNewsService(catalog: Catalog, store: Keyv, clock: Clock, timeZone: string): NewsService {
  const wordsOf = (lang: Lang): ReadonlySet<string> => {
    const words = catalog.locales[lang].get('search.stopwords');
    return new Set((Array.isArray(words) ? words : []).flatMap((w) => normalize(w).split(' ')));
  };
  const stopwords = { en: wordsOf('en'), fr: wordsOf('fr'), es: wordsOf('es') };
  return new NewsService(newsRepositoryOf(store), catalog.settings.newsletter, clock, timeZone, stopwords);
}
