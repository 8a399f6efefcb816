import { describe, expect, it } from 'vitest';
import { namedMentions } from '../../src/domain/programme-mentions.js';
import { programmeParts, searchProgrammes } from '../../src/domain/programme-search.js';
import { realKnowledgeBase } from '../support/test-bot.js';

describe('searchProgrammes', () => {
  it('covers section 1, the twelve programmes of sections 2-8 and the four orientations', async () => {
    const kinds = programmeParts(await realKnowledgeBase()).map((p) => p.kind);
    expect(kinds.filter((k) => k === 'statutory-meetings')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'programme')).toHaveLength(12);
    expect(kinds.filter((k) => k === 'orientation')).toHaveLength(4);
  });

  it('ranks best first and says which text matched', async () => {
    const kb = await realKnowledgeBase();
    const [best, ...rest] = searchProgrammes(kb, 'archamps');
    expect(best).toMatchObject({ part: { kind: 'programme', programme: { id: 'europe-policy-dialogue' } } });
    expect(best!.matched.kind).toBe('past-edition');
    for (const other of rest) expect(other.score).toBeLessThanOrEqual(best!.score);
    expect(searchProgrammes(kb, 'Kenia')[0]!.matched).toMatchObject({ kind: 'target-countries' });
  });

  it('finds nothing for unknown or only common words', async () => {
    const kb = await realKnowledgeBase();
    expect(searchProgrammes(kb, 'quidditch')).toEqual([]);
    expect(searchProgrammes(kb, 'the of')).toEqual([]);
  });

  it('does not take a short word for the start of a longer one', async () => {
    const kb = await realKnowledgeBase();
    const ids = searchProgrammes(kb, 'mont blanc').map((m) =>
      m.part.kind === 'programme' ? m.part.programme.id : m.part.kind,
    );
    expect(ids).toEqual(['networking']);
  });
});

describe('namedMentions', () => {
  it('needs every distinctive word of a name, acronyms included', async () => {
    const kb = await realKnowledgeBase();
    const ids = (text: string) => namedMentions(kb, text).map((m) => m.id);
    expect(ids('general assembly un')).toEqual(['un-general-assembly']);
    expect(ids("Assemblée générale de l'ONU")).toEqual(['un-general-assembly']);
    expect(ids('RENAPESS general assembly')).toEqual([]);
    expect(ids('UN High Level Political Forum')).toEqual([]);
    expect(ids('comunidad de práctica')).toEqual(['uclg-community-of-practice']);
    expect(ids('UNTF SSE International Forum')).toEqual([]);
  });
});
