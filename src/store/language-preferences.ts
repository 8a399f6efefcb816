import type Keyv from 'keyv';
import type { Asker } from '../commands/command.js';
import { isLang, type Lang } from '../domain/vocabulary.js';

/** The language each person chose with `lang`, remembered in the store across restarts. */
export class LanguagePreferences {
  constructor(private readonly store: Keyv) {}

  async get(asker: Asker): Promise<Lang | undefined> {
    const saved: unknown = await this.store.get(key(asker));
    return typeof saved === 'string' && isLang(saved) ? saved : undefined;
  }

  async set(asker: Asker, lang: Lang): Promise<void> {
    await this.store.set(key(asker), lang);
  }
}

function key(asker: Asker): string {
  return `lang:${asker.platform}:${asker.id}`;
}
