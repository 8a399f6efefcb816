/**
 * Durable news submissions per second into a store, one process: every submission is sanitized,
 * checked against the daily limit and duplicates, and committed before it counts, exactly as when
 * a member sends news.
 */
import { DateTime } from 'luxon';
import { loadCatalog } from '../src/catalog/load-catalog.js';
import { fixedClock } from '../src/clock.js';
import { createNewsService } from '../src/news/create-news-service.js';
import { openStore } from '../src/store/open-store.js';
import { silentLogger } from '../src/logger.js';
import { grantsOfSettings, RoleBook } from '../src/people/roles.js';

export interface NewsThroughput {
  store: string;
  submissions: number;
  seconds: number;
  perSecond: number;
  concurrency: number;
}

/** `storeUrl` names an empty store: the first submissions must not be refused as duplicates. */
export async function measureNewsThroughput(
  dataDir: string,
  storeName: string,
  storeUrl: string,
  submissions: number,
  concurrency: number,
): Promise<NewsThroughput> {
  const catalog = await loadCatalog(dataDir);
  const store = await openStore(storeUrl);
  const news = createNewsService(
    catalog,
    store.news,
    fixedClock(DateTime.fromISO('2026-11-25T10:00', { zone: 'Asia/Seoul' })),
    'Asia/Seoul',
    new RoleBook(store.values, grantsOfSettings(catalog.settings), silentLogger),
  );
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < submissions; i = next++) {
      // A different author every few items, so that the daily limit does not refuse them.
      const outcome = await news.submit({
        text: `News ${i}: the cooperative network of our city opened a new shared workshop this week.`,
        author: { platform: 'slack', userId: `U${Math.floor(i / 10)}`, displayName: `member ${Math.floor(i / 10)}` },
        authorLang: 'en',
        source: { platform: 'slack', channel: 'C1', messageId: `${i}` },
      });
      if (!outcome.ok) throw new Error(`submission ${i} was refused: ${outcome.reason}`);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  await store.close();
  return { store: storeName, submissions, seconds, perSecond: submissions / seconds, concurrency };
}
