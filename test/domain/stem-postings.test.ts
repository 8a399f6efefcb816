import { describe, expect, it } from 'vitest';
import { SAME_STEM, SAME_WORD, StemPostings } from '../../src/domain/search/stem-postings.js';

function postings(texts: readonly (readonly string[])[]): StemPostings {
  const index = new StemPostings();
  texts.forEach((words, text) => index.add(text, words));
  return index;
}

describe('StemPostings', () => {
  it('finds the texts holding a word whole, and those holding it with another ending', () => {
    const index = postings([['recherche', 'sociale'], ['recherches'], ['dialogue', 'recherche'], ['rechercher']]);
    expect(index.holding('recherche')).toEqual(
      new Map([
        [0, SAME_WORD],
        [1, SAME_STEM],
        [2, SAME_WORD],
        [3, SAME_STEM],
      ]),
    );
    // Neither of "recherches" and "rechercher" starts the other.
    expect(index.holding('recherches')).toEqual(
      new Map([
        [0, SAME_STEM],
        [1, SAME_WORD],
        [2, SAME_STEM],
      ]),
    );
  });

  it('matches a text holding the word itself as the same word, though it also holds another ending', () => {
    expect(postings([['meeting', 'meetings']]).holding('meetings')).toEqual(new Map([[0, SAME_WORD]]));
  });

  it('takes no short word, number or long ending for a stem', () => {
    const index = postings([['month', 'montreal'], ['2019', '20190'], ['promotional'], ['africa']]);
    // "mont" is shorter than a stem: only the whole word.
    expect(index.holding('mont')).toEqual(new Map());
    expect(index.holding('201')).toEqual(new Map());
    expect(index.holding('2019')).toEqual(new Map([[1, SAME_WORD]]));
    // "promotion" + "al" is an ending, "promo" + "tional" is not.
    expect(index.holding('promotion')).toEqual(new Map([[2, SAME_STEM]]));
    expect(index.holding('promo')).toEqual(new Map());
    expect(index.holding('african')).toEqual(new Map([[3, SAME_STEM]]));
  });

  it('finds nothing for a word no text holds, or before any text is added', () => {
    expect(new StemPostings().holding('forum')).toEqual(new Map());
    expect(postings([['forum']]).holding('social')).toEqual(new Map());
  });
});
