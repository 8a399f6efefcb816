import type { Criterion } from './criterion.js';
import { normalize } from './normalize.js';

/**
 * The words and phrases a filter recognises, in every language, folded: "afrique", "áfrica"
 * and "africa" all lead to the region Africa; "mexico" to both the city and the country.
 */
export class PhraseDictionary {
  private readonly phrases = new Map<string, Criterion[]>();
  private readonly stopwords = new Set<string>();

  addPhrase(phrase: string, criterion: Criterion): void {
    const key = normalize(phrase);
    if (key === '') return;
    const criteria = this.phrases.get(key) ?? [];
    if (!criteria.some((c) => JSON.stringify(c) === JSON.stringify(criterion))) criteria.push(criterion);
    this.phrases.set(key, criteria);
  }

  addStopword(word: string): void {
    for (const folded of normalize(word).split(' ')) if (folded) this.stopwords.add(folded);
  }

  lookup(foldedPhrase: string): readonly Criterion[] {
    return this.phrases.get(foldedPhrase) ?? [];
  }

  isStopword(foldedWord: string): boolean {
    return this.stopwords.has(foldedWord);
  }
}
