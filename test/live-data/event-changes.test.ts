import { describe, expect, it } from 'vitest';
import {
  announcedEvents,
  eventChanges,
  type AnnouncedEvent,
  type AnnouncedEvents,
} from '../../src/live-data/event-changes.js';
import { realCatalog } from '../support/test-bot.js';

const ID = 'africa-policy-dialogue-2019';

async function seedEvents(): Promise<AnnouncedEvents> {
  return announcedEvents((await realCatalog()).events.events);
}

/** The seed's events with the Africa Policy Dialogue changed by `change`. */
async function withDialogue(change: (event: AnnouncedEvent) => AnnouncedEvent) {
  const events = await seedEvents();
  return { ...events, [ID]: change(structuredClone(events[ID]!)) };
}

describe('the changes announced between two versions of the calendar', () => {
  it('none between a version and itself', async () => {
    expect(eventChanges(await seedEvents(), await seedEvents())).toEqual([]);
  });

  it.each([
    ['date', (e: AnnouncedEvent) => ({ ...e, when: { precision: 'day', start: '2019-05-20', end: '2019-05-24' } })],
    ['place', (e: AnnouncedEvent) => ({ ...e, place: { city: 'seoul' } })],
    ['title', (e: AnnouncedEvent) => ({ ...e, title: { ...e.title, en: 'Africa Policy Forum' } })],
    ['confirmed', (e: AnnouncedEvent) => ({ ...e, confirmed: true })],
    ['revision', (e: AnnouncedEvent) => ({ ...e, revision: 1 })],
  ] as const satisfies readonly (readonly [string, (e: AnnouncedEvent) => AnnouncedEvent])[])(
    'an event whose %s changed, naming what changed',
    async (fact, change) => {
      const before = await seedEvents();
      const now = await withDialogue(change);
      expect(eventChanges(before, now)).toEqual([{ kind: 'changed', id: ID, now: now[ID], facts: [fact] }]);
    },
  );

  it('an event whose place is removed ("to be confirmed") changed place', async () => {
    const now = await withDialogue(({ place: _, ...rest }) => rest);
    expect(eventChanges(await seedEvents(), now)).toMatchObject([{ kind: 'changed', id: ID, facts: ['place'] }]);
  });

  it('several facts of one event in one change', async () => {
    const now = await withDialogue((e) => ({ ...e, place: { online: true }, confirmed: true, revision: 2 }));
    expect(eventChanges(await seedEvents(), now)).toMatchObject([
      { id: ID, facts: ['place', 'confirmed', 'revision'] },
    ]);
  });

  it('events added and removed, the removed ones last', async () => {
    const before = await seedEvents();
    const { [ID]: dialogue, ...without } = before;
    const added = {
      ...dialogue!,
      title: { en: 'Africa Policy Dialogue 2027', fr: 'Dialogue 2027', es: 'Diálogo 2027' },
    };
    const now = { 'africa-policy-dialogue-2027': added, ...without };
    expect(eventChanges(before, now)).toEqual([
      { kind: 'added', id: 'africa-policy-dialogue-2027', now: added },
      { kind: 'removed', id: ID, before: dialogue },
    ]);
  });

  it('compares facts as data: keys in any order, and an undefined value as no key, are no change', async () => {
    const before = await seedEvents();
    const reordered = await withDialogue((e) => ({
      revision: e.revision,
      confirmed: e.confirmed,
      place: e.place && { ...(e.place.country ? { country: e.place.country } : {}), ...e.place, online: undefined },
      when: Object.fromEntries(Object.entries(e.when).reverse()) as AnnouncedEvent['when'],
      title: { es: e.title.es, fr: e.title.fr, en: e.title.en },
    }));
    expect(eventChanges(before, reordered)).toEqual([]);
    // A key that only one side has (with a value) is a change, wherever it stands.
    const moved = await withDialogue((e) => ({ ...e, place: { ...e.place, online: true } }));
    expect(eventChanges(before, moved)).toMatchObject([{ id: ID, facts: ['place'] }]);
  });

  it('fields that are not announced (partners, members involved) change nothing', async () => {
    const catalog = await realCatalog();
    const edited = catalog.events.events.map((e) => (e.id === ID ? { ...e, partners: [], involves: [] } : e));
    expect(eventChanges(announcedEvents(catalog.events.events), announcedEvents(edited))).toEqual([]);
  });
});
