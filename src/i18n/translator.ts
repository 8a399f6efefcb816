import type { Lang } from '../domain/vocabulary.js';

export type MessageParams = Record<string, string | number>;

/**
 * Looks up the locale files' messages. A message may have plural forms (`key.one`, `key.other`),
 * chosen by the `count` parameter with the language's own plural rules (French says "1 événement"
 * and "0 événement").
 */
export class Translator {
  constructor(private readonly messages: Record<Lang, ReadonlyMap<string, string | string[]>>) {}

  t(lang: Lang, key: string, params: MessageParams = {}): string {
    const messages = this.messages[lang];
    let message = messages.get(key);
    if (message === undefined && typeof params.count === 'number') {
      const form = new Intl.PluralRules(lang).select(params.count);
      message = messages.get(`${key}.${form}`) ?? messages.get(`${key}.other`);
    }
    if (typeof message !== 'string') throw new Error(`No message "${key}" in ${lang}.yaml`);
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  }

  /** A list of words from the locale file (stopwords, aliases). */
  words(lang: Lang, key: string): string[] {
    const value = this.messages[lang].get(key);
    return Array.isArray(value) ? value : value === undefined ? [] : [value];
  }

  has(lang: Lang, key: string): boolean {
    return this.messages[lang].has(key);
  }
}
