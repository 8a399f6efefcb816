import type { Catalog } from '../catalog/load-catalog.js';
import type { Clock } from '../clock.js';
import { normalize } from '../domain/search/normalize.js';
import type { Lang } from '../domain/vocabulary.js';
import { distinctiveWords, type LanguageWords } from '../i18n/detect-language.js';
import type { NewsRepository } from './news-repository.js';
import { NewsService } from './news-service.js';
import type { RoleBook } from '../people/roles.js';

/**
 * The newsletter desk over the queue, with the data's settings, each language's common words, and
 * the roles that say which member an author speaks for.
 */
export function createNewsService(
  catalog: Catalog,
  queue: NewsRepository,
  clock: Clock,
  timeZone: string,
  roles: Pick<RoleBook, 'memberOf'>,
): NewsService {
  return new NewsService(queue, catalog.settings.newsletter, clock, timeZone, languageWordsOf(catalog), (person) =>
    roles.memberOf(person),
  );
}

/** The locale files' `news.languageWords`, folded as message text is (économie -> economie) so that they meet its tokens. */
export function languageWordsOf(catalog: Catalog): LanguageWords {
  const commonWords = (lang: Lang): string[] => {
    const words = catalog.locales[lang].get('news.languageWords');
    return (Array.isArray(words) ? words : []).flatMap((w) => normalize(w).split(' '));
  };
  return distinctiveWords({ en: commonWords('en'), fr: commonWords('fr'), es: commonWords('es') });
}
