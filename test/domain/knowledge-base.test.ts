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

  it('builds its indexes a step at a time: an event or a member a step, and no step left once built', async () => {
    const kb = new KnowledgeBase(await realCatalog());
    expect(kb.indexesBuilt).toBe(false);
    const steps = [...kb.indexBuildSteps()].length;
    expect(kb.indexesBuilt).toBe(true);
    // The event words, the facets and the events' order take a step an event, the member words a step a member.
    expect(steps).toBeGreaterThanOrEqual(3 * kb.events.length + kb.members.length);
    expect([...kb.indexBuildSteps()]).toHaveLength(0);
    const built = new KnowledgeBase(await realCatalog());
    built.buildIndexes();
    expect(built.indexesBuilt).toBe(true);
    expect([...built.indexBuildSteps()]).toHaveLength(0);
  });

  it('read at any step of a build in steps, an index is whole, and the steps that follow build the same as at once', async () => {
    const catalog = await realCatalog();
    const built = new KnowledgeBase(catalog);
    built.buildIndexes();
    const whole = indexed(built);
    const total = [...new KnowledgeBase(catalog).indexBuildSteps()].length;
    // Every third step, and the last (each step of one build is read midway in the StepwiseBuild test).
    const stops = new Set([...Array.from({ length: Math.floor(total / 3) + 1 }, (_, i) => 3 * i), total]);
    for (const taken of stops) {
      const kb = new KnowledgeBase(catalog);
      const steps = kb.indexBuildSteps();
      for (let i = 0; i < taken; i++) steps.next();
      // One index read midway, each in turn, as a question would; the others built by the steps that remain.
      const readers = [
        () => kb.eventIndex,
        () => kb.memberIndex,
        () => kb.dictionary,
        () => kb.eventsWithAnyFacet(['region:africa']),
        () => kb.inDateOrder([]),
      ];
      readers[taken % readers.length]!();
      expect([...steps].length).toBeLessThanOrEqual(total - taken);
      expect(indexed(kb)).toEqual(whole);
    }
  });

  it('puts some of its events in the order of its events', async () => {
    const kb = new KnowledgeBase(await realCatalog());
    const some = [kb.events[5]!, kb.events[0]!, kb.events.at(-1)!, kb.events[2]!];
    expect(kb.inDateOrder(new Set(some))).toEqual([kb.events[0], kb.events[2], kb.events[5], kb.events.at(-1)]);
  });
});
