import { TargetNotEmptyError } from '../errors.js';
import type { Store } from './store.js';

export interface CopyReport {
  /** News items copied, with their numbers. */
  items: number;
  highestNumber: number;
  /** Other values copied: language choices, reminder records, messages awaiting a yes. */
  values: number;
  /** Notices still owed to editors and authors, queued again for delivery from the new store. */
  notices: number;
  /** Counters (agenda proposals' numbers), continued in the new store where they were. */
  counters: number;
}

/**
 * Copies what one store keeps into another, empty one (moving from SQLite to PostgreSQL or Redis
 * for several instances): every news item with its number, status and history, every value, every counter, and
 * the notices still waiting for delivery (with a fresh count of attempts). Claims are not copied:
 * they only matter to work under way. Stop the bot first, so that
 * nothing arrives in the old store meanwhile.
 */
export async function copyStore(from: Store, to: Store): Promise<CopyReport> {
  const already = await to.news.list();
  if (already.length > 0) throw new TargetNotEmptyError(already.length);
  const items = await from.news.list();
  for (const item of items) await to.news.restore(item);
  let values = 0;
  // Each value goes with the time it had left: the store keeps expiries itself, so a copy needs to
  // know nothing of what its values are (which of them are messages awaiting a yes, say).
  for await (const { key, value, expiresAt } of from.values.entries('')) {
    const ttlMs = expiresAt === undefined ? undefined : expiresAt - Date.now();
    if (ttlMs !== undefined && ttlMs <= 0) continue;
    await to.values.set(key, value, ttlMs);
    values++;
  }
  const notices = await from.notices.list();
  for (const notice of notices) await to.notices.add(notice.recipient, notice.reply, notice.queuedAt);
  const counters = await from.counters.all();
  for (const [name, last] of counters) await to.counters.raise(name, last);
  return {
    items: items.length,
    highestNumber: Math.max(0, ...items.map((i) => i.id)),
    values,
    notices: notices.length,
    counters: counters.size,
  };
}
