import Keyv from 'keyv';
import { KeyvValues } from '../keyv-values.js';
import type { Store } from '../store.js';
import { MemoryClaims } from './memory-claims.js';
import { MemoryCounters } from './memory-counters.js';
import { MemoryNewsRepository } from './memory-news-repository.js';
import { MemoryNoticeQueue } from './memory-notice-queue.js';

/** memory://: everything in this process, gone when it ends. For tests and throwaway runs. */
export function memoryStore(): Store {
  const values = new KeyvValues(new Keyv());
  return {
    values,
    claims: new MemoryClaims(),
    counters: new MemoryCounters(),
    news: new MemoryNewsRepository(),
    notices: new MemoryNoticeQueue(),
    warnings: [],
    close: () => values.disconnect(),
  };
}
