import { afterEach, describe, expect, it } from 'vitest';
import { StoreTimeoutError } from '../../src/errors.js';
import { freshPostgresUrl, freshRedisUrl } from '../support/fresh-databases.js';
import { freezingProxy, throughProxy, type FreezingProxy } from '../support/freezing-proxy.js';
import { languageReadAgain, newsItem, storedText, storesClosedAfterEach } from '../support/store-fixtures.js';
import { pollUntil } from '../support/wait-for.js';

/**
 * A shared store whose server stops answering without closing its connections (SIGSTOP, a network
 * silently dropping packets): each operation gives up by the store's timeouts, so the asker is
 * answered, and the store works again once the server answers.
 */
const open = storesClosedAfterEach();
const proxies: FreezingProxy[] = [];
afterEach(async () => {
  const used = proxies.splice(0);
  for (const proxy of used) proxy.thaw(); // a test that failed while frozen leaves no store waiting
  await Promise.all(used.map((proxy) => proxy.close()));
});

// Each operation fails with the project's StoreTimeoutError, whichever of the store's timeouts
// ended it (the connection's, the query's on PostgreSQL, the answer's on Redis): failing this way
// while the server is still frozen proves that the store gave up on its own, and the error's code
// is what tells a person that the storage is not answering (errors.storeBusy).

describe.each([
  { name: 'PostgreSQL', freshUrl: freshPostgresUrl },
  { name: 'Redis', freshUrl: freshRedisUrl },
])('the $name store behind a server that freezes', ({ freshUrl }) => {
  it('fails each operation by its timeout, then works again once the server answers', { timeout: 60_000 }, async () => {
    const url = await freshUrl();
    const target = new URL(url);
    const proxy = await freezingProxy({ host: target.hostname, port: Number(target.port) });
    proxies.push(proxy);
    const store = await open(throughProxy(url, proxy));
    await store.values.set('lang:slack:U1', 'fr');

    proxy.freeze();
    await expect(store.values.get('lang:slack:U1', storedText)).rejects.toBeInstanceOf(StoreTimeoutError);
    // The next operation finds no usable connection either: opening one is bounded too.
    await expect(store.news.insert(newsItem('Sent while the store was frozen.'))).rejects.toBeInstanceOf(
      StoreTimeoutError,
    );
    await expect(store.claims.claim('reminder:q1', 'A', 1_000, 60_000)).rejects.toBeInstanceOf(StoreTimeoutError);

    proxy.thaw();
    await languageReadAgain(store, 'lang:slack:U1', 'fr');
    await pollUntil(
      () =>
        store.news
          .insert(newsItem('Sent once the store answers again.'))
          .then((r) => 'inserted' in r || 'duplicateOf' in r)
          .catch(() => false),
      'an item stored again',
    );
  });
});
