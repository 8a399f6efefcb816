import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreTimeoutError } from '../../src/errors.js';
import { STORE_ANSWER_TIMEOUT_MS } from '../../src/store/store-timeouts.js';
import { freshSqliteUrl, newsItem, storedText, storesClosedAfterEach } from '../support/store-fixtures.js';

/**
 * Another process holding SQLite's write lock (another instance of the bot, an operator's sqlite3
 * shell in a transaction): the bot's statements run on its main thread, so waiting for the lock
 * must not freeze it.
 */
const open = storesClosedAfterEach();
const fileOf = (url: string) => url.slice('sqlite://'.length);

/** Far below a SQLite busy timeout that would freeze the bot noticeably, far above a busy machine's timer jitter. */
const TIMER_LATE_AT_MOST_MS = 500;

const lockers: Database.Database[] = [];
afterEach(() => {
  for (const locker of lockers.splice(0)) locker.close(); // rolls back what a failed test left open
});

/** A second connection to the file, as another process would hold it, with the write lock taken. */
function holdWriteLock(file: string): Database.Database {
  const locker = new Database(file);
  lockers.push(locker);
  locker.exec('BEGIN IMMEDIATE');
  return locker;
}

describe('a SQLite store while another connection holds the write lock', () => {
  it('waits for the lock without blocking the event loop, answers reads meanwhile, and writes once it is released', async () => {
    const url = await freshSqliteUrl();
    const store = await open(url);
    const locker = holdWriteLock(fileOf(url));

    const started = performance.now();
    const timerFiredAfter = new Promise<number>((resolve) =>
      setTimeout(() => resolve(performance.now() - started), 10),
    );
    let settled = false;
    const insert = store.news.insert(newsItem('Sent while another process writes.')).finally(() => (settled = true));
    expect(await timerFiredAfter).toBeLessThan(TIMER_LATE_AT_MOST_MS);
    expect(await store.news.list()).toEqual([]); // write-ahead log: readers do not wait for the writer
    expect(settled).toBe(false);

    locker.exec('COMMIT');
    expect(await insert).toMatchObject({ inserted: { id: 1 } });
  });

  it("gives up with the store's timeout when the lock is never released, and works again once it is", async () => {
    const url = await freshSqliteUrl();
    const store = await open(url);
    const locker = holdWriteLock(fileOf(url));

    const started = performance.now();
    const set = store.values.set('lang:slack:U1', 'fr');
    await expect(set).rejects.toThrow(StoreTimeoutError);
    await expect(set).rejects.toThrow(`the store did not answer within ${STORE_ANSWER_TIMEOUT_MS} ms`);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(STORE_ANSWER_TIMEOUT_MS);
    expect(elapsed).toBeLessThan(STORE_ANSWER_TIMEOUT_MS + TIMER_LATE_AT_MOST_MS);

    locker.exec('ROLLBACK');
    await store.values.set('lang:slack:U1', 'fr');
    expect(await store.values.get('lang:slack:U1', storedText)).toBe('fr');
  });
});
