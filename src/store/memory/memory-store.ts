import Keyv from 'keyv';
import { strictKeyv, type Store } from '../store.js';
import { MemoryClaims } from './memory-claims.js';
import { MemoryNewsRepository } from './memory-news-repository.js';
import { MemoryNoticeQueue } from './memory-notice-queue.js';

/** memory://: everything in this process, gone when it ends. For tests and throwaway runs. */
export function memoryStore(): Store {
  const values = strictKeyv(new Keyv());
  return {
    values,
    claims: new MemoryClaims(),
    news: new MemoryNewsRepository(),
    notices: new MemoryNoticeQueue(),
    warnings: [],
    close: () => values.disconnect(),
  };
}
