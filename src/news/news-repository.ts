import { createHash } from 'node:crypto';
import { normalize } from '../domain/search/normalize.js';
import { checkStoredJson } from '../store/stored-value.js';
import { storedNewsItem, type NewNewsItem, type NewsAuthor, type NewsItem, type NewsStatus } from './news-item.js';

/**
 * The outcome of adding an item: its number, the number of the item it duplicates, or a refusal
 * because its sender reached the daily limit.
 */
export type InsertResult = { inserted: NewsItem } | { duplicateOf: number } | { rateLimited: true };

/** The daily limit an insert is held to: its sender may have sent at most `max` items since `since` (ISO). */
export interface SendingLimit {
  max: number;
  since: string;
}

/**
 * Where news items live (one implementation per store backend, in src/store/). Adding is one
 * atomic step that refuses a duplicate (the same source message, or the same text) and an item
 * over its sender's daily limit, and returns only once the item is durably stored, so that a
 * submitter is never told "received" for an item a crash could lose. Atomic across instances
 * sharing the store: however many submissions arrive at once, a sender never gets more than the
 * limit, and a refused item uses up no number.
 */
export interface NewsRepository {
  /** Without a limit (moving a queue, tests), only duplicates are refused. */
  insert(item: NewNewsItem, limit?: SendingLimit): Promise<InsertResult>;
  get(id: number): Promise<NewsItem | undefined>;
  /** Items in queue order (by number), all of them or those with one status. */
  list(status?: NewsStatus): Promise<NewsItem[]>;
  /**
   * Replaces `previous` with `item`, only if the stored item is still `previous` (as read): two
   * editors, or two instances, changing one item at once must not undo each other's change. False
   * when it changed meanwhile: read it again and re-apply.
   */
  update(item: NewsItem, previous: NewsItem): Promise<boolean>;
  /**
   * Puts back an item with its number, when the queue moves to another store (its authors were
   * told #N); new items are numbered after the highest. Only into a queue without that number.
   */
  restore(item: NewsItem): Promise<void>;
}

/** What makes two submissions the same: the source message, and the text folded for comparison. */
export function dedupeKeys(item: NewNewsItem): { sourceKey: string | null; textKey: string } {
  const { platform, channel, messageId } = item.source;
  return {
    sourceKey: messageId ? `${platform}:${channel ?? ''}:${messageId}` : null,
    textKey: createHash('sha256').update(normalize(item.text)).digest('hex'),
  };
}

/** The person an item counts against for the daily limit: whoever sent it, its author or not. */
export function senderOf(item: NewNewsItem): NewsAuthor {
  return item.submittedBy ?? item.author;
}

/** The sender as one string, for the daily limit's index. */
export function senderKey(item: NewNewsItem): string {
  const sender = senderOf(item);
  return `${sender.platform}:${sender.userId}`;
}

/** No daily limit: only duplicates are refused. */
export const NO_LIMIT: SendingLimit = { max: Number.MAX_SAFE_INTEGER, since: '' };

/**
 * Backends store an item as JSON without its number, which is the row's or entry's key. One that
 * fails its schema is a StoredValueError naming it: an item is a member's words, which an editor
 * must see as they are or not at all (so the answer is an apology, and the log says which to mend).
 */
export async function itemFromJson(id: number, json: string): Promise<NewsItem> {
  return { ...(await checkStoredJson(storedNewsItem, `news item #${id}`, json)), id };
}

/**
 * The stored form. An item read back and written again gives the same text (JSON.parse keeps the
 * keys' order), which is what lets an update check that nobody changed the item meanwhile.
 */
export function itemToJson(item: NewsItem | NewNewsItem): string {
  return JSON.stringify({ ...item, id: undefined }); // JSON leaves out an undefined property
}
