import type Keyv from 'keyv';
import type { Asker } from '../domain/asker.js';
import { BoundedMap } from '../bounded-map.js';
import { isLang, type Lang } from '../domain/vocabulary.js';

/**
 * How long a language read from the store is trusted. Every answer needs the asker's language, and
 * a store read costs more than the rest of a short answer; another process sharing the store sees
 * a change within this time.
 */
const CACHE_MS = 10_000;
/** A bound on memory, however many people write: the least recently seen are read again from the store. */
export const MAX_CACHED_PEOPLE = 10_000;

/** The language each person chose with `lang`, remembered in the store across restarts. */
export class LanguagePreferences {
  private readonly cache: BoundedMap<string, { lang: Lang | undefined; at: number }>;

  constructor(
    private readonly store: Keyv,
    private readonly nowMs: () => number = () => performance.now(),
    capacity = MAX_CACHED_PEOPLE,
  ) {
    this.cache = new BoundedMap(capacity);
  }

  async get(asker: Asker): Promise<Lang | undefined> {
    const id = key(asker);
    const cached = this.cache.get(id);
    if (cached && this.nowMs() - cached.at < CACHE_MS) return cached.lang;
    const saved: unknown = await this.store.get(id);
    const lang = typeof saved === 'string' && isLang(saved) ? saved : undefined;
    this.cache.set(id, { lang, at: this.nowMs() });
    return lang;
  }

  async set(asker: Asker, lang: Lang): Promise<void> {
    await this.store.set(key(asker), lang);
    this.cache.set(key(asker), { lang, at: this.nowMs() });
  }
}

function key(asker: Asker): string {
  return `lang:${asker.platform}:${asker.id}`;
}
