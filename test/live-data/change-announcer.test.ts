import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Catalog } from '../../src/catalog/load-catalog.js';
import type { CalendarEvent } from '../../src/catalog/schema.js';
import type { PlatformName } from '../../src/domain/asker.js';
import { KnowledgeBase } from '../../src/domain/knowledge-base.js';
import { ChangeAnnouncer } from '../../src/live-data/change-announcer.js';
import type { DataVersion } from '../../src/live-data/live-knowledge.js';
import { silentLogger } from '../../src/logger.js';
import { renderText } from '../../src/reply/render-text.js';
import type { Reply } from '../../src/reply/reply.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { botAt, realCatalog } from '../support/test-bot.js';

const ID = 'africa-policy-dialogue-2019';
const TARGET = { platform: 'console', channel: 'news', languages: ['en' as const, 'fr' as const] };

/** A version of the seed's data with its events edited by `edit`, written at `newestMs`, announced to TARGET. */
async function version(newestMs: number, edit: (events: CalendarEvent[]) => CalendarEvent[] = (e) => e) {
  const catalog = await realCatalog();
  const data: Catalog = {
    ...catalog,
    events: { ...catalog.events, events: edit(catalog.events.events) },
    settings: { ...catalog.settings, announcements: { targets: [TARGET] } },
  };
  return { kb: new KnowledgeBase(data), fingerprint: { key: String(newestMs), newestMs } } satisfies DataVersion;
}

const moved = (events: CalendarEvent[]) =>
  events.map((e) =>
    e.id === ID
      ? { ...e, when: { precision: 'day' as const, start: '2019-05-20', end: '2019-05-24' }, revision: 1 }
      : e,
  );

/** An announcer over `store`, as one process would have, and the texts it posted. */
async function announcer(store: Pick<Store, 'values' | 'claims'>) {
  const posted: string[] = [];
  const bot = await botAt('2019-05-01');
  const announcing = new ChangeAnnouncer({
    values: store.values,
    claims: store.claims,
    messages: {
      toChannel: async (platform: PlatformName, channel: string, message: Reply) =>
        void posted.push(`[${platform}:${channel}] ${renderText(message)}`),
    },
    inLanguage: (lang) => bot.inLanguage(lang),
    logger: silentLogger,
  });
  return { announcing, posted };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the announcements of calendar changes', () => {
  it('announces a meeting that meetings.yaml dates or confirms, and not the quarterly rule’s meetings a new year brings', async () => {
    const catalog = await realCatalog();
    const withMeeting = (schedule: { confirmed: boolean; time?: string }, throughYear: number): DataVersion => {
      const steeringCommittee = catalog.meetings.steeringCommittee;
      const occurrence = {
        id: 'sc-2027-q1',
        year: 2027,
        quarter: 1,
        when: { precision: 'day' as const, start: '2027-01-28', end: '2027-01-28' },
        format: 'online' as const,
        place: { online: true as const },
        otherVersions: [],
        revision: 0,
        ...schedule,
      };
      const data: Catalog = {
        ...catalog,
        meetings: {
          ...catalog.meetings,
          steeringCommittee: { ...steeringCommittee, occurrences: [...steeringCommittee.occurrences, occurrence] },
        },
        settings: { ...catalog.settings, announcements: { targets: [TARGET] } },
      };
      const newestMs = throughYear * 10 + Number(schedule.confirmed);
      return { kb: new KnowledgeBase(data, { throughYear }), fingerprint: { key: String(newestMs), newestMs } };
    };
    const { announcing, posted } = await announcer(memoryStore());
    await announcing.announce(await version(1));
    // The year turns: 2028's rule meetings join the calendar, unannounced; the dated 2027 meeting is new.
    await announcing.announce(withMeeting({ confirmed: false }, 2028));
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain('New: Steering Committee, Q1 2027, 28 January 2027, Online (To be confirmed)');
    expect(posted[0]).not.toContain('2028');
    await announcing.announce(withMeeting({ confirmed: true, time: '14:00' }, 2028));
    expect(posted).toHaveLength(2);
    expect(posted[1]).toContain('Steering Committee, Q1 2027');
    expect(posted[1]).toContain('(Confirmed)');
  });

  it('records the first version without announcing it, then announces each change once, in the target’s languages', async () => {
    const { announcing, posted } = await announcer(memoryStore());
    await announcing.announce(await version(1));
    expect(posted).toEqual([]);

    await announcing.announce(await version(2, moved));
    expect(posted).toHaveLength(1);
    expect(posted[0]).toContain('[console:news] Calendar update: 1 change');
    expect(posted[0]).toContain(
      'Changed: Africa Policy Dialogue, now 20 – 24 May 2019, Bamako, Mali (To be confirmed)',
    );
    expect(posted[0]).toContain(
      'Modifié\u00a0: Dialogue Politique Afrique, désormais 20–24 mai 2019, Bamako, Mali (À confirmer)',
    );

    await announcing.announce(await version(3, moved));
    expect(posted).toHaveLength(1);
  });

  it('after a restart, announces what changed while the bot was down, and nothing already announced', async () => {
    const store = memoryStore();
    const before = await announcer(store);
    await before.announcing.announce(await version(1));
    await before.announcing.announce(await version(2, moved));

    const after = await announcer(store);
    await after.announcing.announce(await version(2, moved));
    expect(after.posted).toEqual([]);
    await after.announcing.announce(
      await version(3, (events) => [
        ...moved(events).filter((e) => e.id !== 'renapess-general-assembly-2019'),
        { ...events.find((e) => e.id === ID)!, id: 'africa-policy-dialogue-2027', confirmed: true },
      ]),
    );
    expect(after.posted).toHaveLength(1);
    expect(after.posted[0]).toContain('Calendar update: 2 changes');
    expect(after.posted[0]).toContain('New: Africa Policy Dialogue, 13 – 17 May 2019, Bamako, Mali (Confirmed)');
    expect(after.posted[0]).toContain('Removed from the calendar: RENAPESS General Assembly (13 – 17 May 2019)');
  });

  it('writes nothing when a restart reads the files last recorded, and records files written since', async () => {
    const store = memoryStore();
    await (await announcer(store)).announcing.announce(await version(1));
    const writes = vi.spyOn(store.values, 'set');
    const after = await announcer(store);
    await after.announcing.announce(await version(1));
    expect(writes).not.toHaveBeenCalled();
    // The same events in files written later: recorded, so that older files are never announced over them.
    await after.announcing.announce(await version(2));
    expect(writes).toHaveBeenCalledTimes(1);
    expect(after.posted).toEqual([]);
  });

  it('two processes sharing a store announce a change once between them', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const store = memoryStore();
    const [one, two] = [await announcer(store), await announcer(store)];
    await one.announcing.announce(await version(1));
    await two.announcing.announce(await version(1));
    const changed = await version(2, moved);
    await Promise.all([one.announcing.announce(changed), two.announcing.announce(changed)]);
    // The one that found the claim taken looks again a moment later, and finds nothing new.
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all([one.announcing.stop(), two.announcing.stop()]);
    expect([...one.posted, ...two.posted]).toHaveLength(1);
  });

  it('a process still on older files than those announced announces nothing (no change is undone)', async () => {
    const store = memoryStore();
    const { announcing, posted } = await announcer(store);
    await announcing.announce(await version(1));
    await announcing.announce(await version(5, moved));
    await announcing.announce(await version(4));
    expect(posted).toHaveLength(1);
  });
});
