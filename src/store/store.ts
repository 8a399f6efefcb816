import type Keyv from 'keyv';
import type { NewsRepository } from '../news/news-repository.js';
import type { NoticeQueue } from '../news/notice-queue.js';
import type { Claims } from './claims.js';

/**
 * Everything the bot keeps across restarts, in one backend named by GSEF_STORE_URL, shared by
 * every instance that points at it.
 */
export interface Store {
  /** Small values by key (keyv): language choices, reminder records, direct messages awaiting a yes. */
  readonly values: Keyv;
  /** Claims on work that exactly one instance must do (each reminder). */
  readonly claims: Claims;
  /** The newsletter queue. */
  readonly news: NewsRepository;
  /** The newsletter's notices to editors and authors, kept until they are delivered. */
  readonly notices: NoticeQueue;
  /** What an operator should know about this backend (a setting that weakens durability, say). */
  readonly warnings: readonly string[];
  close(): Promise<void>;
}

/**
 * A keyv instance over a backend adapter. Keyv swallows a backend's errors by default (a failed
 * write looks like a success, a failed read like a missing key): here they reach the caller,
 * which must not, say, believe a reminder was recorded when it was not.
 */
export function strictKeyv(keyv: Keyv): Keyv {
  keyv.throwOnErrors = true;
  keyv.on('error', () => {}); // also emitted; handled where the rejected promise lands
  return keyv;
}
