import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../../src/domain/knowledge-base.js';
import { realCatalog } from '../support/test-bot.js';

/** What the indexes hold, read through the knowledge base's public names. */
function indexed(kb: KnowledgeBase) {
  return {
    events: kb.eventIndex.matchAll(['forum', 'social'])!.size,
    africa: [...kb.eventsWithAnyFacet(['region:africa', 'month-number:7'])].map((e) => e.event.id),
    members: [...kb.memberIndex.matchAll(['ripess'])!].map((m) => m.member.id),
    seoul: kb.dictionary.lookup('seoul'),
    titleWords: Object.fromEntries(Object.entries(kb.titleWords).map(([lang, words]) => [lang, [...words]])),
    eventTitleWords: kb.events.map((e) => kb.titleWordsOf(e)),
  };
}

describe('KnowledgeBase', () => {
  it('builds each index on first use, the same as all built at once for a server', async () => {
    const catalog = await realCatalog();
    const built = new KnowledgeBase(catalog);
    built.buildIndexes();
    const lazy = new KnowledgeBase(catalog);
    expect(indexed(lazy)).toEqual(indexed(built));
    expect(indexed(built).events).toBeGreaterThan(0);
    expect(indexed(built).members.length).toBeGreaterThan(0);
  });

  it('puts some of its events in the order of its events', async () => {
    const kb = new KnowledgeBase(await realCatalog());
    const some = [kb.events[5]!, kb.events[0]!, kb.events.at(-1)!, kb.events[2]!];
    expect(kb.inDateOrder(new Set(some))).toEqual([kb.events[0], kb.events[2], kb.events[5], kb.events.at(-1)]);
  });
});
