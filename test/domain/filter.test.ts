import { describe, expect, it } from 'vitest';
import { EVENT_CRITERIA } from '../../src/domain/event-queries.js';
import { MEMBER_CRITERIA } from '../../src/domain/member-queries.js';
import { parseFilter } from '../../src/domain/search/filter.js';
import { normalize, pieceTokenizer, tokenize } from '../../src/domain/search/normalize.js';
import { realKnowledgeBase } from '../support/test-bot.js';

describe('normalize', () => {
  it('folds case, accents and punctuation', () => {
    expect(normalize('Séoul')).toBe('seoul');
    expect(normalize('ÁFRICA')).toBe('africa');
    expect(normalize("Côte d'Ivoire")).toBe('cote d ivoire');
  });

  it('folds ASCII text as the Unicode classes do, its two diacritics (^ `) included', () => {
    // The definition, by Unicode classes alone: what the ASCII shortcut must agree with.
    const byUnicodeClasses = (text: string) =>
      text
        .replace(/(?<!\p{Letter})(?:\p{Letter}\.){2,}/gu, (acronym) => acronym.replaceAll('.', ''))
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase()
        .replace(/[^\p{Letter}\p{Number}]+/gu, ' ')
        .trim();
    const characters = Array.from({ length: 0x300 }, (_, code) => String.fromCharCode(code));
    const texts = [
      ...characters.map((c) => `A${c}b 9${c}`),
      'U.N. and C.I.T.I.E.S.',
      'a^b `c` K\u212a',
      'Identificación',
    ];
    expect(texts.map(normalize)).toEqual(texts.map(byUnicodeClasses));
    expect(normalize('a^b')).toBe('ab');
  });
});

describe('pieceTokenizer', () => {
  it('folds a text as tokenize does, piece by piece, whatever stands on either side of a space', async () => {
    const pieces = [
      'U.',
      'N.',
      'e\u0301',
      '\u0301',
      'İ',
      'ΟΔΟΣ',
      'ß',
      '^',
      '`',
      "d'Ivoire",
      '-',
      '1',
      '\u00a0',
      '\t',
      '🎉',
      '.',
    ];
    const texts = [
      ...pieces.flatMap((a) => pieces.flatMap((b) => [`${a} ${b}`, `${a}${b} ${a}`, ` ${a}  ${b} `])),
      ...JSON.stringify((await realKnowledgeBase()).catalog).split(/"[,:]"/),
    ];
    const fold = pieceTokenizer();
    // Twice: the second time every piece comes from what was remembered.
    for (let round = 0; round < 2; round++) expect(texts.map(fold)).toEqual(texts.map(tokenize));
  });
});

describe('parseFilter', () => {
  it.each(['africa', 'Afrique', 'áfrica', 'AFRICA'])(
    'reads "%s" as the African region in any language',
    async (text) => {
      const filter = parseFilter(text, (await realKnowledgeBase()).dictionary, EVENT_CRITERIA);
      expect([...filter.regions]).toEqual(['africa']);
      expect(filter.keywords).toEqual([]);
    },
  );

  it('prefers the longest phrase: "afrique du sud" is South Africa, not Africa', async () => {
    const filter = parseFilter('afrique du sud', (await realKnowledgeBase()).dictionary, EVENT_CRITERIA);
    expect([...filter.places]).toEqual(['country:ZA']);
    expect(filter.regions.size).toBe(0);
  });

  it('reads "seoul" as the city of Séoul and "mexico" as both the city and the country', async () => {
    const kb = await realKnowledgeBase();
    expect([...parseFilter('seoul', kb.dictionary, EVENT_CRITERIA).places]).toEqual(['city:seoul']);
    expect([...parseFilter('mexico', kb.dictionary, EVENT_CRITERIA).places].sort()).toEqual([
      'city:mexico-city',
      'country:MX',
    ]);
  });

  it.each([
    ['july', { month: 7 }],
    ['juillet', { month: 7 }],
    ['julio', { month: 7 }],
    ['2019-07', { month: 7, year: 2019 }],
    ['juillet 2019', { month: 7, year: 2019 }],
  ])('reads "%s" as a month', async (text, month) => {
    const filter = parseFilter(text, (await realKnowledgeBase()).dictionary, EVENT_CRITERIA);
    expect(filter.months).toEqual([{ year: undefined, ...month }]);
  });

  it('keeps unknown words as keywords and drops question words', async () => {
    const filter = parseFilter(
      'when is the next forum in Africa?',
      (await realKnowledgeBase()).dictionary,
      EVENT_CRITERIA,
    );
    expect(filter.keywords).toEqual(['forum']);
    expect([...filter.regions]).toEqual(['africa']);
  });

  it('understands roles only where members are searched', async () => {
    const kb = await realKnowledgeBase();
    expect([...parseFilter('vice-présidents', kb.dictionary, MEMBER_CRITERIA).roles]).toEqual(['vice-president']);
    expect(parseFilter('vice-présidents', kb.dictionary, EVENT_CRITERIA).roles.size).toBe(0);
  });
});
