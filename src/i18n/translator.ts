import type { Lang } from '../domain/vocabulary.js';
import type { MessageKey, WordsKey } from './message-keys.js';

export type MessageParams = Record<string, string | number>;

/**
 * Looks up the locale files' messages. A message may have plural forms (`key.one`, `key.other`),
 * chosen by the `count` parameter with the language's own plural rules (French says "1 événement"
 * and "0 événement"). Keys are checked at compile time against data/locales/en.yaml (MessageKey,
 * WordsKey); the other locale files have the same keys (`gsef check-data`).
 */
export class Translator {
  /** Each language's plural rules, made once: building them costs more than the rest of a message. */
  private readonly plurals = new Map<Lang, Intl.PluralRules>();

  constructor(private readonly messages: Record<Lang, ReadonlyMap<string, string | string[]>>) {}

  t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
    const messages = this.messages[lang];
    let message = messages.get(key);
    if (message === undefined && typeof params.count === 'number') {
      let rules = this.plurals.get(lang);
      if (!rules) this.plurals.set(lang, (rules = new Intl.PluralRules(lang)));
      const form = rules.select(params.count);
      message = messages.get(`${key}.${form}`) ?? messages.get(`${key}.other`);
    }
    if (typeof message !== 'string') throw new Error(`No message "${key}" in ${lang}.yaml`);
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  }

  /** A list of words from the locale file (stopwords, aliases, examples). */
  words(lang: Lang, key: WordsKey): string[] {
    const value = this.messages[lang].get(key);
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
  }

  /** Whether a key made at run time (a test's own command has no help) is in the locale file. */
  has(lang: Lang, key: string): boolean {
    return this.messages[lang].has(key);
  }
}
