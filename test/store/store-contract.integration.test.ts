import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import type { InsertResult, NewsRepository } from '../../src/news/news-repository.js';
import { ReminderJournal } from '../../src/reminders/reminder-journal.js';
import { openStore } from '../../src/store/open-store.js';
import { withPostgres, withRedis } from '../support/database-clients.js';
import { freshPostgresUrl, freshRedisUrl } from '../support/fresh-databases.js';
import {
  BACKENDS,
  languageReadAgain,
  newsItem,
  SHARED_BACKENDS,
  storedAnything,
  storedText,
  storesClosedAfterEach,
} from '../support/store-fixtures.js';
import { pollUntil } from '../support/wait-for.js';

// The same contract for every backend GSEF_STORE_URL can name, each test on a database of its own.

const open = storesClosedAfterEach();

const DAILY_LIMIT = { max: 20, since: '2026-11-25T00:00:00.000Z' };

/** `count` distinct items from one sender, all sent at once (to `repositoryFor(i)`), under DAILY_LIMIT. */
function submitAtOnce(count: number, repositoryFor: (i: number) => NewsRepository): Promise<InsertResult[]> {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      repositoryFor(i).insert(newsItem(`News number ${i} sent by Ana at the same moment.`), DAILY_LIMIT),
    ),
  );
}

/** Exactly the limit accepted, numbered 1…limit, and every other one refused as over the limit. */
function expectExactlyTheLimit(results: InsertResult[]): void {
  const numbers = results.flatMap((r) => ('inserted' in r ? [r.inserted.id] : []));
  expect(numbers.sort((x, y) => x - y)).toEqual(Array.from({ length: DAILY_LIMIT.max }, (_, i) => i + 1));
  expect(results.filter((r) => 'rateLimited' in r)).toHaveLength(results.length - DAILY_LIMIT.max);
}

describe.each(BACKENDS)('the $name store', ({ freshUrl }) => {
  it('keeps values by key, with their expiry, and lists them', async () => {
    const { values } = await open(await freshUrl());
    await values.set('lang:slack:U1', 'fr');
    await values.set('reminder:q1', { status: 'posted', attempts: 1 });
    // Ten minutes outlast the test whatever the machine's speed; a millisecond is over at once.
    await values.set('news-pending:kept', 'held', 10 * 60_000);
    await values.set('news-pending:token', 'held', 1);
    expect(await values.get('lang:slack:U1', storedText)).toBe('fr');
    expect(await values.get('reminder:q1', storedAnything)).toEqual({ status: 'posted', attempts: 1 });
    expect(await values.get('news-pending:kept', storedText)).toBe('held');
    await pollUntil(
      async () => (await values.get('news-pending:token', storedText)) === undefined,
      'the expired value gone',
    );
    expect(await values.delete('lang:slack:U1')).toBe(true);
    expect(await values.get('lang:slack:U1', storedText)).toBeUndefined();
    expect(await values.delete('lang:slack:U1')).toBe(false);
  });

  it('lists the reminders journal through the key iterator', async () => {
    const store = await open(await freshUrl());
    const journal = new ReminderJournal(store);
    const record = { status: 'posted', settledAt: '2027-01-11T00:00:01Z', late: false, attempts: 1 } as const;
    await journal.record('q1@P14D', { ...record, due: '2027-01-11T00:00:00Z' });
    await journal.record('q1@P3D', { ...record, due: '2027-01-22T00:00:00Z' });
    await store.values.set('lang:slack:U1', 'es');
    expect((await journal.all()).map((r) => r.key)).toEqual(['q1@P14D', 'q1@P3D']);
  });

  it('gives a claim to one owner until its lease, renewed by each claim of the owner, runs out', async () => {
    const { claims } = await open(await freshUrl());
    expect(await claims.claim('reminder:q1', 'A', 1_000, 60_000)).toBe(true);
    expect(await claims.claim('reminder:q1', 'B', 2_000, 60_000)).toBe(false);
    expect(await claims.claim('reminder:q1', 'A', 30_000, 60_000)).toBe(true);
    expect(await claims.claim('reminder:q1', 'B', 1_000 + 60_001, 60_000)).toBe(false);
    expect(await claims.claim('reminder:q1', 'B', 30_000 + 60_001, 60_000)).toBe(true);
    expect(await claims.claim('reminder:q1', 'A', 30_000 + 60_002, 60_000)).toBe(false);
    expect(await claims.claim('reminder:q2', 'A', 1_000, 60_000)).toBe(true);
  });

  it('numbers news items, refuses duplicates by text or source, and lists, updates and counts them', async () => {
    const { news } = await open(await freshUrl());
    const first = await news.insert(
      newsItem('The City of Bamako opens an incubator.', {
        source: { platform: 'slack', channel: 'C1', messageId: '1.1' },
      }),
    );
    const second = await news.insert(
      newsItem('Montréal funds twelve new cooperatives.', {
        author: { platform: 'discord', userId: 'D9', displayName: 'Bo' },
      }),
    );
    expect(first).toMatchObject({ inserted: { id: 1, text: 'The City of Bamako opens an incubator.' } });
    expect(second).toMatchObject({ inserted: { id: 2 } });
    expect(await news.insert(newsItem('THE CITY OF BAMAKO OPENS AN INCUBATOR.'))).toEqual({ duplicateOf: 1 });
    expect(
      await news.insert(
        newsItem('Other words, same Slack message.', {
          source: { platform: 'slack', channel: 'C1', messageId: '1.1' },
        }),
      ),
    ).toEqual({ duplicateOf: 1 });
    // A refused duplicate uses up no number: authors and editors see #1, #2, #3…
    expect(await news.insert(newsItem('Seoul hosts the next social economy forum.'))).toMatchObject({
      inserted: { id: 3 },
    });

    const asRead = (await news.get(2))!;
    const approved = { ...asRead, status: 'approved' as const, edition: '2026-11' };
    expect(await news.update(approved, asRead)).toBe(true);
    expect(await news.get(2)).toEqual(approved);
    // A change made from what the item was before the approval is refused, and changes nothing.
    expect(await news.update({ ...asRead, text: 'An edit made from an old copy of the item.' }, asRead)).toBe(false);
    expect(await news.get(2)).toEqual(approved);
    expect(await news.get(4)).toBeUndefined();
    expect((await news.list()).map((i) => i.id)).toEqual([1, 2, 3]);
    expect((await news.list('pending')).map((i) => i.id)).toEqual([1, 3]);
    expect((await news.list('approved')).map((i) => i.id)).toEqual([2]);
    expect(await news.list('published')).toEqual([]);
  });

  it('holds each sender to the daily limit, counting what they sent for others and not what others sent for them', async () => {
    const { news } = await open(await freshUrl());
    const limit = { max: 2, since: '2026-11-25T00:00:00.000Z' };
    const eva = { platform: 'slack' as const, userId: 'U2', displayName: 'Eva' };
    // Ana (the fixture's author) sent one item yesterday: it does not count today.
    expect(
      await news.insert(
        newsItem('Sent yesterday, before the day began.', { receivedAt: '2026-11-24T23:59:59.999Z' }),
        limit,
      ),
    ).toMatchObject({ inserted: { id: 1 } });
    // Eva sends two of Ana's messages: they count against Eva, who then reaches her limit.
    expect(
      await news.insert(newsItem('Ana wrote this, Eva marked it for the newsletter.', { submittedBy: eva }), limit),
    ).toMatchObject({ inserted: { id: 2, submittedBy: eva } });
    expect(
      await news.insert(newsItem('Ana wrote this one too, and Eva marked it as well.', { submittedBy: eva }), limit),
    ).toMatchObject({ inserted: { id: 3 } });
    expect(
      await news.insert(newsItem("A third of Ana's messages marked by Eva today.", { submittedBy: eva }), limit),
    ).toEqual({ rateLimited: true });
    expect(await news.insert(newsItem("Eva's own news, over her limit as well.", { author: eva }), limit)).toEqual({
      rateLimited: true,
    });
    // Ana's own limit is untouched; a duplicate is told as a duplicate, whatever the limit.
    expect(await news.insert(newsItem('Ana sends her own news today, the first.'), limit)).toMatchObject({
      inserted: { id: 4 },
    });
    expect(await news.insert(newsItem('Ana sends her own news today, the second.'), limit)).toMatchObject({
      inserted: { id: 5 },
    });
    expect(await news.insert(newsItem('Ana sends her own news today, the third.'), limit)).toEqual({
      rateLimited: true,
    });
    expect(await news.insert(newsItem('ANA SENDS HER OWN NEWS TODAY, THE FIRST.'), limit)).toEqual({ duplicateOf: 4 });
    // A refused item used up no number.
    expect(
      await news.insert(
        newsItem('Bo, on Discord, has a limit of his own.', {
          author: { platform: 'discord', userId: 'U1', displayName: 'Bo' },
        }),
        limit,
      ),
    ).toMatchObject({ inserted: { id: 6 } });
    expect((await news.list()).map((i) => i.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("stores exactly the daily limit of one sender's submissions arriving at once, numbered without gaps", async () => {
    const { news } = await open(await freshUrl());
    const results = await submitAtOnce(40, () => news);
    expectExactlyTheLimit(results);
    expect((await news.list()).map((i) => i.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe.each(SHARED_BACKENDS)('the $name store, outside one process', ({ freshUrl }) => {
  it('survives being closed and opened again', async () => {
    const url = await freshUrl();
    const before = await openStore(url);
    await before.news.insert(newsItem('An item that must outlive the process.'));
    await before.values.set('lang:discord:42', 'es');
    await before.close();
    const after = await open(url);
    expect((await after.news.list()).map((i) => i.text)).toEqual(['An item that must outlive the process.']);
    expect(await after.values.get('lang:discord:42', storedText)).toBe('es');
    expect(await after.news.insert(newsItem('The next item continues the numbering.'))).toMatchObject({
      inserted: { id: 2 },
    });
  });

  it('two instances sharing it: one claim holder, one copy of each item, no number given twice', async () => {
    const url = await freshUrl();
    const [a, b] = [await open(url), await open(url)];
    const claimed = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).claims.claim('reminder:q3', `owner-${i}`, 5_000, 60_000)),
    );
    expect(claimed.filter(Boolean)).toHaveLength(1);

    const same = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        (i % 2 ? a : b).news.insert(newsItem('Both instances received this very text.')),
      ),
    );
    const inserted = same.filter((r) => 'inserted' in r);
    expect(inserted).toHaveLength(1);
    const number = 'inserted' in inserted[0]! ? inserted[0].inserted.id : 0;
    expect(same.filter((r) => 'duplicateOf' in r && r.duplicateOf === number)).toHaveLength(9);

    const distinct = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? a : b).news.insert(newsItem(`Distinct news number ${i} from a member city.`)),
      ),
    );
    const numbers = distinct.map((r) => ('inserted' in r ? r.inserted.id : -1));
    expect(new Set(numbers).size).toBe(30);
    expect(numbers).not.toContain(-1);
    expect((await a.news.list()).map((i) => i.id)).toEqual((await b.news.list()).map((i) => i.id));
    expect(await b.news.list()).toHaveLength(31);
  });

  it("two instances sharing it: one sender's submissions arriving at both at once stop at the daily limit", async () => {
    const url = await freshUrl();
    const [a, b] = [await open(url), await open(url)];
    const results = await submitAtOnce(40, (i) => (i % 2 ? a : b).news);
    expectExactlyTheLimit(results);
    expect((await a.news.list()).map((i) => i.id)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe('opening a store', () => {
  it('refuses a URL it does not know, and says which ones it takes', async () => {
    await expect(openStore('mongodb://localhost/gsef')).rejects.toThrow(
      /GSEF_STORE_URL: "mongodb:\/\/localhost\/gsef" is not a store this bot can open; use sqlite:\/\/FILE \(by default var\/gsef.sqlite in the bot's folder\), postgres:\/\/.*redis:\/\//,
    );
  });

  it('warns when Redis may lose an acknowledged write in a crash of its own, and not otherwise', async () => {
    const url = await freshRedisUrl();
    // The run's server fsyncs every write. Its settings are changed here and put back; no other
    // test depends on them, and the tests of this file run one after another.
    expect((await open(url)).warnings).toEqual([]);
    try {
      await withRedis(url, (redis) => redis.configSet('appendfsync', 'everysec'));
      expect((await open(url)).warnings).toEqual([
        expect.stringContaining(
          'appendfsync everysec: if the Redis server itself crashes, up to a second of acknowledged news can be lost',
        ),
      ]);
      await withRedis(url, (redis) => redis.configSet('appendonly', 'no'));
      expect((await open(url)).warnings).toEqual([expect.stringContaining('appendonly no')]);
    } finally {
      await withRedis(url, (redis) => redis.configSet({ appendonly: 'yes', appendfsync: 'always' }));
    }
  });

  it('reconnects after its connection to Redis is dropped', async () => {
    const url = await freshRedisUrl();
    const store = await open(url);
    await store.values.set('lang:slack:U1', 'fr');
    const [ours] = await withRedis(url, async (redis) =>
      (await redis.clientList()).filter(
        (c) => c.db === Number(new URL(url).pathname.slice(1)) && c.cmd !== 'client|list',
      ),
    );
    await withRedis(url, (redis) => redis.clientKill({ filter: 'ID', id: ours!.id }));
    await languageReadAgain(store, 'lang:slack:U1', 'fr');
    expect(await store.news.insert(newsItem('An item sent after Redis came back.'))).toMatchObject({
      inserted: { id: 1 },
    });
  });

  it('goes on after PostgreSQL ends its connections (a restart, a failover)', async () => {
    const url = await freshPostgresUrl();
    const store = await open(url);
    await store.values.set('lang:slack:U1', 'fr');
    const ended = await withPostgres(
      url,
      async (postgres) =>
        (
          await postgres.query(
            'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
          )
        ).rows,
    );
    expect(ended.length).toBeGreaterThan(0);
    await languageReadAgain(store, 'lang:slack:U1', 'fr');
    expect(await store.news.insert(newsItem('An item sent after the connections were ended.'))).toMatchObject({
      inserted: { id: 1 },
    });
  });

  it.each([
    ['postgres://gsef:s3cret@127.0.0.1:1/gsef', 'postgres://gsef:***@127.0.0.1:1/gsef'],
    ['redis://:s3cret@127.0.0.1:1', 'redis://***@127.0.0.1:1'],
  ])('fails at once, without the password, when %s cannot be reached', async (url, shown) => {
    const error: unknown = await openStore(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(`cannot open the store at ${shown}: `);
    expect((error as Error).message).not.toContain('s3cret');
  });
});
