import { afterEach, describe, expect, it } from 'vitest';
import { STORE_ANSWER_TIMEOUT_MS, STORE_CONNECT_TIMEOUT_MS } from '../../src/store/store-timeouts.js';
import { freshPostgresUrl, freshRedisUrl } from '../support/fresh-databases.js';
import { freezingProxy, throughProxy, type FreezingProxy } from '../support/freezing-proxy.js';
import { newsItem, storesClosedAfterEach } from '../support/store-fixtures.js';

/**
 * A shared store whose server stops answering without closing its connections (SIGSTOP, a network
 * silently dropping packets): each operation gives up within the store's timeouts, so the asker is
 * answered, and the store works again once the server answers.
 */
const open = storesClosedAfterEach();
const proxies: FreezingProxy[] = [];
afterEach(async () => {
  const used = proxies.splice(0);
  for (const proxy of used) proxy.thaw(); // a test that failed while frozen leaves no store waiting
  await Promise.all(used.map((proxy) => proxy.close()));
});

/** The longest an operation may take against a frozen server: a connection attempt, then one query, and some slack for a busy machine. */
const GIVE_UP_WITHIN_MS = STORE_CONNECT_TIMEOUT_MS + STORE_ANSWER_TIMEOUT_MS + 1_500;

async function elapsedUntilRejected(operation: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await expect(operation()).rejects.toThrow();
  return performance.now() - started;
}

describe.each([
  { name: 'PostgreSQL', freshUrl: freshPostgresUrl },
  { name: 'Redis', freshUrl: freshRedisUrl },
])('the $name store behind a server that freezes', ({ freshUrl }) => {
  it(
    'fails each operation within its timeout, then works again once the server answers',
    { timeout: 30_000 },
    async () => {
      const url = await freshUrl();
      const target = new URL(url);
      const proxy = await freezingProxy({ host: target.hostname, port: Number(target.port) });
      proxies.push(proxy);
      const store = await open(throughProxy(url, proxy));
      await store.values.set('lang:slack:U1', 'fr');

      proxy.freeze();
      expect(await elapsedUntilRejected(() => store.values.get('lang:slack:U1'))).toBeLessThan(GIVE_UP_WITHIN_MS);
      // The next operation finds no usable connection either: opening one is bounded too.
      expect(
        await elapsedUntilRejected(() => store.news.insert(newsItem('Sent while the store was frozen.'))),
      ).toBeLessThan(GIVE_UP_WITHIN_MS);
      expect(await elapsedUntilRejected(() => store.claims.claim('reminder:q1', 'A', 1_000, 60_000))).toBeLessThan(
        GIVE_UP_WITHIN_MS,
      );

      proxy.thaw();
      await expect
        .poll(() => store.values.get('lang:slack:U1').catch(() => 'failed'), { timeout: 10_000, interval: 100 })
        .toBe('fr');
      await expect
        .poll(
          () =>
            store.news
              .insert(newsItem('Sent once the store answers again.'))
              .then((r) => 'inserted' in r || 'duplicateOf' in r)
              .catch(() => false),
          { timeout: 10_000, interval: 100 },
        )
        .toBe(true);
    },
  );
});
