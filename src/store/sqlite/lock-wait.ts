import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { StoreTimeoutError } from '../../errors.js';
import { STORE_ANSWER_TIMEOUT_MS } from '../store-timeouts.js';

/**
 * How long SQLite itself may wait for a lock held by another connection (its busy_timeout) before
 * answering SQLITE_BUSY. better-sqlite3 runs every statement on Node's one main thread, and
 * SQLite's own wait sleeps that thread: while another process held the write lock, a long wait
 * would freeze the whole bot (every chat answer, every timer, Slack's 3-second acknowledgements). So
 * SQLite waits only a moment, which absorbs the usual brief overlap of two writers, and longer
 * waits are done by `waitingOutLocks`, between event-loop turns.
 */
export const SQLITE_BLOCKING_WAIT_MS = 2;

/** The pauses between attempts: short at first (writes take milliseconds), then at a steady pace. */
const FIRST_PAUSE_MS = 1;
const LONGEST_PAUSE_MS = 20;

/**
 * Runs `work` (synchronous SQLite calls) now, and again after a pause, without blocking, as long as
 * SQLite answers that another connection holds the lock it needs; gives up with a StoreTimeoutError
 * after the store's answer timeout, as the shared stores do with a server that does not answer.
 * Each attempt must be one statement or one transaction: SQLite undoes whatever a busy one began.
 */
export async function waitingOutLocks<T>(work: () => T): Promise<T> {
  const deadline = performance.now() + STORE_ANSWER_TIMEOUT_MS;
  for (let pause = FIRST_PAUSE_MS; ; pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    try {
      return work();
    } catch (error) {
      if (!isBusy(error)) throw error;
      const left = deadline - performance.now();
      if (left <= 0) throw new StoreTimeoutError(STORE_ANSWER_TIMEOUT_MS);
      await sleep(Math.min(pause, left));
    }
  }
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY…). */
function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY');
}
