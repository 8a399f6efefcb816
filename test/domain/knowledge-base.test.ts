import { describe, expect, it } from 'vitest';
import type { Member } from '../../src/catalog/schema.js';
import { KnowledgeBase } from '../../src/domain/knowledge-base.js';
import { normalize } from '../../src/domain/search/normalize.js';
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
    byName: kb.members.map((m) => kb.memberByName(normalize(m.member.name.es))?.member.id),
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
    // The event words and the facets take a step an event, the member words and names a step a member.
    expect(steps).toBeGreaterThanOrEqual(2 * kb.events.length + 2 * kb.members.length);
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
        () => kb.memberByName('ripess'),
      ];
      readers[taken % readers.length]!();
      expect([...steps].length).toBeLessThanOrEqual(total - taken);
      expect(indexed(kb)).toEqual(whole);
    }
  });

  it("finds a member by any of its names or aliases, folded; the data's first when two share one", async () => {
    const catalog = await realCatalog();
    const [first, second] = catalog.members.members as [Member, Member, ...Member[]];
    const kb = new KnowledgeBase(catalog);
    for (const name of [first.name.en, first.name.fr, first.name.es, ...first.aliases])
      expect(kb.memberByName(normalize(name))?.member.id).toBe(first.id);
    expect(kb.memberByName(normalize(first.name.en).toUpperCase())).toBeUndefined();
    expect(kb.memberByName('')).toBeUndefined();
    const twin = { ...second, id: 'twin-of-the-first', name: { ...first.name } };
    const withTwin = new KnowledgeBase({
      ...catalog,
      members: { ...catalog.members, members: [...catalog.members.members, twin] },
    });
    expect(withTwin.memberByName(normalize(first.name.fr))?.member.id).toBe(first.id);
    expect(withTwin.memberByName(normalize(second.name.fr))?.member.id).toBe(second.id);
  });

  it('works out where and when each version puts an event when first asked, once', async () => {
    const kb = new KnowledgeBase(await realCatalog());
    for (const indexed of kb.events) {
      const { main } = indexed;
      expect(indexed.main).toBe(main);
      const { when, place, otherVersions } = indexed.event;
      expect(main.monthKeys.has(when.start.slice(0, 7))).toBe(true);
      expect(main.monthKeys.has(when.end.slice(0, 7))).toBe(true);
      expect(main.online).toBe(place?.online === true);
      expect(main.region).toBe(kb.regionOf(place));
      expect(indexed.others).toHaveLength(otherVersions.filter((v) => v.when || v.place).length);
    }
    const moved = kb.events.find((e) => e.others.length > 0);
    expect(moved).toBeDefined();
  });

  it('puts some of its events in the order of its events', async () => {
    const kb = new KnowledgeBase(await realCatalog());
    const some = [kb.events[5]!, kb.events[0]!, kb.events.at(-1)!, kb.events[2]!];
    expect(kb.inDateOrder(new Set(some))).toEqual([kb.events[0], kb.events[2], kb.events[5], kb.events.at(-1)]);
  });
});
