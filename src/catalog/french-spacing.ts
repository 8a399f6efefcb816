import { LANGS } from '../domain/vocabulary.js';

/**
 * The space French puts before `: ; ! ?` and inside « »: one no-break space (U+00A0) everywhere,
 * so that a mark never starts a line. U+00A0 rather than the narrow U+202F that typesetters prefer
 * before `; ! ?`: every chat client, terminal and e-mail font shows U+00A0, and one space for all
 * marks is a rule a translator can follow and a test can check.
 */
export const FRENCH_SPACE = '\u00a0';

/** Spaces a French text may already hold where the rule wants its own. */
const SPACES = '[ \\u00a0\\u202f\\u2009]*';

/**
 * A run of `: ; ! ?` after a word, ending the text or followed by a space or a closing « »: a mark
 * followed by anything else (`https://`, `10:30`, `?q=`) is not French punctuation and is left alone.
 */
const HIGH_MARKS = new RegExp(`(?<=[^\\s\\u00a0\\u202f\\u2009])${SPACES}([;:!?]+)(?=[\\s»]|$)`, 'g');
const OPENING = new RegExp(`«${SPACES}`, 'g');
const CLOSING = new RegExp(`${SPACES}»`, 'g');
const ENGLISH_QUOTES = /“([^“”]*)”/g;

/**
 * `text` as French writes it: “English quotes” become « guillemets », and the space before
 * `: ; ! ?` and inside « » is the no-break one, whether the text had a plain space, another
 * space or none. Applying it twice changes nothing more.
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(ENGLISH_QUOTES, '«$1»')
    .replace(OPENING, `«${FRENCH_SPACE}`)
    .replace(CLOSING, `${FRENCH_SPACE}»`)
    .replace(HIGH_MARKS, `${FRENCH_SPACE}$1`);
}

/**
 * `value` with the French of every text in the three languages spaced as French writes it
 * (frenchSpacing): the seed's wording is kept in data/ as written, and shown with the same
 * punctuation as the bot's own messages.
 */
export function withFrenchSpacing<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withFrenchSpacing) as T;
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const entries = Object.entries(value).map(([key, item]): [string, unknown] => [key, withFrenchSpacing(item)]);
  const object = Object.fromEntries(entries) as Record<string, unknown>;
  if (isInThreeLanguages(object)) object.fr = frenchSpacing(object.fr);
  return object as T;
}

function isInThreeLanguages(object: Record<string, unknown>): object is { en: string; fr: string; es: string } {
  const keys = Object.keys(object);
  return keys.length === 3 && LANGS.every((lang) => typeof object[lang] === 'string');
}
