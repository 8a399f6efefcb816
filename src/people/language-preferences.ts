import { isLang, LANGS, type Lang } from '../domain/vocabulary.js';
import type { Logger } from '../logger.js';
import type { KeyValues } from '../store/store.js';
import { plainSchema } from '../store/stored-value.js';
import { PersonPreference } from './person-preference.js';

/** Read for most answers: checked without loading zod (stored-value.ts). */
const storedLang = plainSchema(
  (value): value is Lang => typeof value === 'string' && isLang(value),
  `one of ${LANGS.join(', ')}`,
);

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
