/** Shorter words than this match only whole words: "mont" must not find "month". */
const SHORTEST_STEM = 5;
/** The most letters an ending adds to a word: plurals and genders ("dialogue", "dialogues"; "african", "africa"). */
const LONGEST_ENDING = 3;

/** A text holds the word itself. */
export const SAME_WORD = 1;
/** A text holds the word with another ending ("recherche", "recherches"). */
export const SAME_STEM = 0.6;

/**
 * Which texts hold a word, whole ({@link SAME_WORD}) or with another ending ({@link SAME_STEM}):
 * the texts are numbered by whoever adds them, and a word's texts are found from its own postings
 * and those of the few words that begin like it, not by reading every text (at a hundred times the
 * seed, the programme has thousands).
 */
export class StemPostings {
  /** Each folded word, and the texts holding it, in the order they were added. */
  private readonly textsOf = new Map<string, number[]>();
  /**
   * The words long enough to share a stem, by their first SHORTEST_STEM letters: two words of one
   * stem begin alike, so a word is compared with these few rather than with every word.
   */
  private readonly wordsByStart = new Map<string, string[]>();

  /** Adds text number `text`, whose distinct folded words are `words`. */
  add(text: number, words: Iterable<string>): void {
    for (const word of words) {
      let texts = this.textsOf.get(word);
      if (!texts) {
        this.textsOf.set(word, (texts = []));
        if (word.length >= SHORTEST_STEM) {
          const start = word.slice(0, SHORTEST_STEM);
          const alike = this.wordsByStart.get(start);
          if (alike) alike.push(word);
          else this.wordsByStart.set(start, [word]);
        }
      }
      texts.push(text);
    }
  }

  /** The texts holding `word` (folded), each with how: {@link SAME_WORD} or {@link SAME_STEM}. */
  holding(word: string): Map<number, number> {
    const found = new Map<number, number>();
    const stem = stemOf(word);
    if (stem !== undefined) {
      for (const other of this.wordsByStart.get(stem) ?? []) {
        if (other === word || !sameStem(word, other)) continue;
        for (const text of this.textsOf.get(other)!) found.set(text, SAME_STEM);
      }
    }
    for (const text of this.textsOf.get(word) ?? []) found.set(text, SAME_WORD);
    return found;
  }
}

/** The first letters by which a word's stem is looked up, or undefined for a word matched only whole. */
function stemOf(word: string): string | undefined {
  return word.length < SHORTEST_STEM || /^\d+$/.test(word) ? undefined : word.slice(0, SHORTEST_STEM);
}

/**
 * One word starts the other, and the rest is no longer than an ending: "meeting" and "meetings", not
 * "mont" and "montreal". An ending less than the word itself: "promotional material" is the
 * communication's, not "Networking and Promotion".
 */
function sameStem(a: string, b: string): boolean {
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return (
    shorter.length >= SHORTEST_STEM && longer.length - shorter.length <= LONGEST_ENDING && longer.startsWith(shorter)
  );
}
