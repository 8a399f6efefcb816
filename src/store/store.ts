import type { NewsRepository } from '../news/news-repository.js';
import type { NoticeQueue } from '../news/notice-queue.js';
import type { Claims } from './claims.js';
import type { Counters } from './counters.js';
import type { StoredSchema } from './stored-value.js';

/**
 * Everything the bot keeps across restarts, in one backend named by GSEF_STORE_URL, shared by
 * every instance that points at it.
 */
export interface Store {
  /** Small values by key: language choices, reminder records, direct messages awaiting a yes. */
  readonly values: KeyValues;
  /** Claims on work that exactly one instance must do (each reminder). */
  readonly claims: Claims;
  /** Counters that hand out numbers no two processes share (agenda proposals' #N). */
  readonly counters: Counters;
  /** The newsletter queue. */
  readonly news: NewsRepository;
  /** The newsletter's notices to editors and authors, kept until they are delivered. */
  readonly notices: NoticeQueue;
  /** What an operator should know about this backend (a setting that weakens durability, say). */
  readonly warnings: readonly string[];
  close(): Promise<void>;
}

/**
 * Small values by key, kept as JSON, each until replaced or deleted or, when given a time to
 * live, until it expires. Failures reach the caller: a write that did not happen is never taken
 * for one that did. Whoever reads a key knows what it should hold, and says so with a schema.
 */
export interface KeyValues {
  /**
   * The value at `key` (undefined when there is none, or it expired), once `schema` accepts it;
   * otherwise a StoredValueError naming the key (absentIfUnreadable turns it into a warning).
   */
  get<T>(key: string, schema: StoredSchema<T>): Promise<T | undefined>;
  /** Keeps `value` (anything JSON can hold) at `key`, for `ttlMs` milliseconds if given. */
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  /** Deletes `key`: true if there was a value. */
  delete(key: string): Promise<boolean>;
  /** Every value whose key starts with `prefix` ('' for all), unchecked, in no particular order. */
  entries(prefix: string): AsyncIterable<StoredEntry>;
}

/** A value with its key and, when it expires, when (epoch milliseconds). */
export interface StoredEntry {
  key: string;
  value: unknown;
  expiresAt: number | undefined;
}
