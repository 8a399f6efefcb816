/**
 * An inverted index from folded words to the documents that contain them, with prefix lookup
 * ("dialog" finds "dialogue"), so that a keyword query touches only the matching documents
 * instead of scanning and re-folding every text.
 */
export class TokenIndex<Doc> {
  private readonly postings = new Map<string, Set<Doc>>();
  private sortedTokens: string[] | undefined;

  add(doc: Doc, tokens: Iterable<string>): void {
    for (const token of tokens) {
      let docs = this.postings.get(token);
      if (!docs) {
        docs = new Set();
        this.postings.set(token, docs);
        this.sortedTokens = undefined;
      }
      docs.add(doc);
    }
  }

  /** Documents holding a word that starts with `prefix` (a folded word). */
  matchPrefix(prefix: string): Set<Doc> {
    const tokens = this.tokens();
    const found = new Set<Doc>();
    for (let i = lowerBound(tokens, prefix); i < tokens.length && tokens[i]!.startsWith(prefix); i++) {
      for (const doc of this.postings.get(tokens[i]!)!) found.add(doc);
    }
    return found;
  }

  /** Documents holding, for every word given, a word that starts with it. */
  matchAll(prefixes: readonly string[]): Set<Doc> | undefined {
    let result: Set<Doc> | undefined;
    for (const prefix of prefixes) {
      const docs = this.matchPrefix(prefix);
      if (result) {
        const both = new Set<Doc>();
        for (const doc of result) if (docs.has(doc)) both.add(doc);
        result = both;
      } else {
        result = docs;
      }
      if (result.size === 0) break;
    }
    return result;
  }

  private tokens(): string[] {
    this.sortedTokens ??= [...this.postings.keys()].sort();
    return this.sortedTokens;
  }
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
