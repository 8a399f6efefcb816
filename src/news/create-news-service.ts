import type { Catalog } from '../catalog/load-catalog.js';
import type { Clock } from '../clock.js';
import { normalize } from '../domain/search/normalize.js';
import type { Lang } from '../domain/vocabulary.js';
import type { NewsRepository } from './news-repository.js';
import { NewsService } from './news-service.js';

/** The newsletter desk over the queue, with the data's settings and each language's common words. */
export function createNewsService(catalog: Catalog, queue: NewsRepository, clock: Clock, timeZone: string): NewsService {
  const wordsOf = (lang: Lang): ReadonlySet<string> => {
    const words = catalog.locales[lang].get('search.stopwords');
    return new Set((Array.isArray(words) ? words : []).flatMap((w) => normalize(w).split(' ')));
  };
  const stopwords = { en: wordsOf('en'), fr: wordsOf('fr'), es: wordsOf('es') };
  return new NewsService(queue, catalog.settings.newsletter, clock, timeZone, stopwords);
}
