import { createHash } from 'node:crypto';
import { normalize } from '../domain/search/normalize.js';
import type { NewNewsItem, NewsItem, NewsStatus } from './news-item.js';

/** The outcome of adding an item: its number, or the number of the item it duplicates. */
export type InsertResult = { inserted: NewsItem } | { duplicateOf: number };

/**
 * Where news items live (one implementation per store backend, in src/store/). Adding is one
 * atomic step that refuses a duplicate (the same source message, or the same text) and returns
 * only once the item is durably stored, so that a submitter is never told "received" for an item
 * a crash could lose.
 */
export interface NewsRepository {
  insert(item: NewNewsItem): Promise<InsertResult>;
  get(id: number): Promise<NewsItem | undefined>;
  /** Items in queue order (by number), all of them or those with one status. */
  list(status?: NewsStatus): Promise<NewsItem[]>;
  /**
   * Replaces `previous` with `item`, only if the stored item is still `previous` (as read): two
   * editors, or two instances, changing one item at once must not undo each other's change. False
   * when it changed meanwhile: read it again and re-apply.
   */
  update(item: NewsItem, previous: NewsItem): Promise<boolean>;
  /** How many items an author sent since an instant (ISO), for the daily limit. */
  countByAuthorSince(author: NewsItem['author'], sinceIso: string): Promise<number>;
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

/** The author as one string, for the daily limit's index. */
export function authorKey(author: NewsItem['author']): string {
  return `${author.platform}:${author.userId}`;
}

/** Backends store an item as JSON without its number, which is the row's or entry's key. */
export function itemFromJson(id: number, json: string): NewsItem {
  return { ...(JSON.parse(json) as NewNewsItem), id };
}

/**
 * The stored form. An item read back and written again gives the same text (JSON.parse keeps the
 * keys' order), which is what lets an update check that nobody changed the item meanwhile.
 */
export function itemToJson(item: NewsItem | NewNewsItem): string {
  return JSON.stringify({ ...item, id: undefined }); // JSON leaves out an undefined property
}
