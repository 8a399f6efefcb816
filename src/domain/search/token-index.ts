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

  /** Documents holding, for every word given, a word that starts with it; undefined for no words. */
  matchAll(prefixes: readonly string[]): Set<Doc> | undefined {
    if (prefixes.length === 0) return undefined;
    // Walk the rarest word's documents and look each up in the others' postings: no set is built
    // for a common word ("social" matches most of the calendar), which at scale cost more than
    // the rest of the answer.
    const [rarest, ...others] = prefixes.map((prefix) => this.postingsOf(prefix)).sort((a, b) => total(a) - total(b));
    const found = new Set<Doc>();
    for (const docs of rarest!) {
      for (const doc of docs) if (inEvery(others, doc)) found.add(doc);
    }
    return found;
  }

  /** The postings of every word that starts with `prefix` (a folded word). */
  private postingsOf(prefix: string): Set<Doc>[] {
    const tokens = this.tokens();
    const postings: Set<Doc>[] = [];
    for (let i = lowerBound(tokens, prefix); i < tokens.length && tokens[i]!.startsWith(prefix); i++)
      postings.push(this.postings.get(tokens[i]!)!);
    return postings;
  }

  private tokens(): string[] {
    this.sortedTokens ??= [...this.postings.keys()].sort();
    return this.sortedTokens;
  }
}

/**
 * Whether each word's postings (one set per word it starts) hold `doc`. Plain loops: callbacks
 * capturing `doc` were a closure per document of the rarest word.
 */
function inEvery<Doc>(postingsByWord: readonly (readonly Set<Doc>[])[], doc: Doc): boolean {
  for (const postings of postingsByWord) if (!inSome(postings, doc)) return false;
  return true;
}

function inSome<Doc>(postings: readonly Set<Doc>[], doc: Doc): boolean {
  for (const docs of postings) if (docs.has(doc)) return true;
  return false;
}

function total<Doc>(postings: readonly Set<Doc>[]): number {
  return postings.reduce((sum, docs) => sum + docs.size, 0);
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
