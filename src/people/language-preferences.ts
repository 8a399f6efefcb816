import { BoundedMap } from '../bounded-map.js';
import type { Asker } from '../domain/asker.js';
import { LANGS, type Lang } from '../domain/vocabulary.js';
import type { Logger } from '../logger.js';
import type { KeyValues } from '../store/store.js';
import { absentIfUnreadable, storedSchema } from '../store/stored-value.js';

/**
 * How long a language read from the store is trusted. Every answer needs the asker's language, and
 * a store read costs more than the rest of a short answer; another process sharing the store sees
 * a change within this time.
 */
const CACHE_MS = 10_000;
/** A bound on memory, however many people write: the least recently seen are read again from the store. */
export const MAX_CACHED_PEOPLE = 10_000;

const storedLang = storedSchema((z) => z.enum(LANGS));

/**
 * The language each person chose with `lang`, remembered in the store across restarts. A stored
 * choice that is not a language the bot speaks is taken as no choice (with a warning): the person
 * is answered in the default language, and can choose again.
 */
export class LanguagePreferences {
  private readonly cache: BoundedMap<string, { lang: Lang | undefined; at: number }>;

  constructor(
    private readonly values: KeyValues,
    private readonly logger: Logger,
    private readonly nowMs: () => number = () => performance.now(),
    capacity = MAX_CACHED_PEOPLE,
  ) {
    this.cache = new BoundedMap(capacity);
  }

  async get(asker: Asker): Promise<Lang | undefined> {
    const id = key(asker);
    const cached = this.cache.get(id);
    if (cached && this.nowMs() - cached.at < CACHE_MS) return cached.lang;
    const lang = await absentIfUnreadable(this.values.get(id, storedLang), this.logger);
    this.cache.set(id, { lang, at: this.nowMs() });
    return lang;
  }

  async set(asker: Asker, lang: Lang): Promise<void> {
    await this.values.set(key(asker), lang);
    this.cache.set(key(asker), { lang, at: this.nowMs() });
  }
}

function key(asker: Asker): string {
  return `lang:${asker.platform}:${asker.id}`;
}
