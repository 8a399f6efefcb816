import type { KeyValues, Store } from '../store.js';
import { SqlClaims } from './sql-claims.js';
import { SqlCounters } from './sql-counters.js';
import type { SqlDatabase } from './sql-database.js';
import { SqlNewsRepository } from './sql-news-repository.js';
import { SqlNoticeQueue } from './sql-notice-queue.js';

/** A store whose claims, counters, news queue and notices are tables of `db`, beside its `values`. */
export async function sqlStore(db: SqlDatabase, values: KeyValues, close: () => Promise<void>): Promise<Store> {
  return {
    values,
    claims: await SqlClaims.open(db),
    counters: await SqlCounters.open(db),
    news: await SqlNewsRepository.open(db),
    notices: await SqlNoticeQueue.open(db),
    warnings: [],
    close,
  };
}
