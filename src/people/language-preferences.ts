import { LANGS, type Lang } from '../domain/vocabulary.js';
import type { Logger } from '../logger.js';
import type { KeyValues } from '../store/store.js';
import { storedSchema } from '../store/stored-value.js';
import { PersonPreference } from './person-preference.js';

const storedLang = storedSchema((z) => z.enum(LANGS));

/**
 * The language each person chose with `lang`, remembered in the store across restarts. A stored
 * choice that is not a language the bot speaks is taken as no choice (with a warning): the person
 * is answered in the default language, and can choose again.
 */
export class LanguagePreferences extends PersonPreference<Lang> {
  constructor(values: KeyValues, logger: Logger, nowMs?: () => number, capacity?: number) {
    super('lang', storedLang, values, logger, nowMs, capacity);
  }
}
