import { StoreTimeoutError } from '../errors.js';

/**
 * How long the bot waits for a shared store (PostgreSQL, Redis), or for the write lock of a SQLite
 * file that another process holds, before it gives up on one operation. A server that is frozen
 * (stopped, overloaded, swapping) or cut off by the network without the connection being closed
 * answers nothing at all: without a client-side limit a command would wait for it indefinitely.
 * Every statement of the bot's takes milliseconds, and an answer needs at most two in a row while
 * the store is failing (the asker's language, then the command's own), so the asker hears back in
 * about four seconds: Slack has had its empty acknowledgement by then (the answer follows through
 * the response URL) and Discord a deferral.
 */
export const STORE_ANSWER_TIMEOUT_MS = 2_000;

/** How long opening a new connection may take (a frozen server accepts TCP but never says hello). */
export const STORE_CONNECT_TIMEOUT_MS = 2_000;

/**
 * `operation`, or a StoreTimeoutError once `ms` have passed without it settling. The operation
 * itself goes on (a client may answer it once the server resumes); its late outcome is dropped.
 */
export function withinDeadline<T>(operation: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeoutError(ms)), ms);
  });
  operation.catch(() => {}); // a failure after the deadline has nobody left to tell
  return Promise.race([operation, expired]).finally(() => clearTimeout(timer));
}
