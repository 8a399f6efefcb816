import { describe, expect, it } from 'vitest';
import { byLanguage } from '../../src/domain/localized-text.js';
import type { Lang } from '../../src/domain/vocabulary.js';

describe('a text made for every language', () => {
  it('makes a language’s text when it is first read, once', () => {
    const made: Lang[] = [];
    const text = byLanguage((lang) => {
      made.push(lang);
      return `text in ${lang}`;
    });
    expect(made).toEqual([]);
    expect(text.fr).toBe('text in fr');
    expect(text.fr).toBe('text in fr');
    expect(made).toEqual(['fr']);
  });

  it('reads as a plain object of three texts: keys, spread, JSON, equality', () => {
    const text = byLanguage((lang) => `text in ${lang}`);
    const plain = { en: 'text in en', fr: 'text in fr', es: 'text in es' };
    expect(Object.keys(text)).toEqual(['en', 'fr', 'es']);
    expect({ ...text }).toEqual(plain);
    expect(JSON.parse(JSON.stringify(text))).toEqual(plain);
    expect(structuredClone(text)).toEqual(plain);
    expect(Object.freeze(text).es).toBe('text in es');
  });
});
