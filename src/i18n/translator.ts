import type { Lang } from '../domain/vocabulary.js';
import type { MessageKey, WordsKey } from './message-keys.js';

export type MessageParams = Record<string, string | number>;

/** The parameters of a message that takes none: one object for every such call. */
const NO_PARAMS: MessageParams = Object.freeze({});

/** `{name}` in a message; split keeps the names: text, name, text, …, text. */
const PLACEHOLDER = /\{(\w+)\}/;

/** A message's texts and placeholder names in turn, beginning and ending with a text (maybe empty). */
type MessagePieces = readonly string[];

/**
 * Looks up the locale files' messages. A message may have plural forms (`key.one`, `key.other`),
 * chosen by the `count` parameter with the language's own plural rules (French says "1 événement"
 * and "0 événement"). Keys are checked at compile time against data/locales/en.yaml (MessageKey,
 * WordsKey); the other locale files have the same keys (`gsef check-data`).
 */
export class Translator {
  /** Each language's plural rules, made once: building them costs more than the rest of a message. */
  private readonly plurals = new Map<Lang, Intl.PluralRules>();
  /**
   * Each message cut at its placeholders, once: filling the pieces makes only the answer's text,
   * where a `replace` made a match and a callback's arguments per placeholder of every message
   * (a message without placeholders included). Keyed by the message's text, which a translator's
   * messages never change.
   */
  private readonly pieces = new Map<string, MessagePieces>();

  constructor(private readonly messages: Record<Lang, ReadonlyMap<string, string | string[]>>) {}

  /**
   * The message `key` in `lang`, its placeholders filled from `params`, else from `defaults` (a
   * locale context's parameters, such as `{cmd}`), else left as they are.
   */
  t(lang: Lang, key: MessageKey, params: MessageParams = NO_PARAMS, defaults?: MessageParams): string {
    const messages = this.messages[lang];
    let message = messages.get(key);
    const count = 'count' in params ? params.count : defaults?.count;
    if (message === undefined && typeof count === 'number') {
      let rules = this.plurals.get(lang);
      if (!rules) this.plurals.set(lang, (rules = new Intl.PluralRules(lang)));
      const form = rules.select(count);
      message = messages.get(`${key}.${form}`) ?? messages.get(`${key}.other`);
    }
    if (typeof message !== 'string') throw new Error(`No message "${key}" in ${lang}.yaml`);
    return this.filled(message, params, defaults);
  }

  private filled(message: string, params: MessageParams, defaults: MessageParams | undefined): string {
    let pieces = this.pieces.get(message);
    if (!pieces) this.pieces.set(message, (pieces = message.split(PLACEHOLDER)));
    if (pieces.length === 1) return message;
    let text = pieces[0]!;
    for (let i = 1; i < pieces.length; i += 2) {
      const name = pieces[i]!;
      text += (paramText(name, params, defaults) ?? `{${name}}`) + pieces[i + 1]!;
    }
    return text;
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

/** A placeholder's value as text, from the call's own parameters first; undefined when neither has it. */
function paramText(name: string, params: MessageParams, defaults: MessageParams | undefined): string | undefined {
  if (name in params) return String(params[name]);
  if (defaults !== undefined && name in defaults) return String(defaults[name]);
  return undefined;
}
