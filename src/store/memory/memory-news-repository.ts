import type { NewNewsItem, NewsItem, NewsStatus } from '../../news/news-item.js';
import {
  dedupeKeys,
  itemToJson,
  NO_LIMIT,
  senderKey,
  type InsertResult,
  type NewsRepository,
  type SendingLimit,
} from '../../news/news-repository.js';

/**
 * For memory:// stores (tests, throwaway runs): the same rules, checked synchronously. `insert`
 * awaits nothing, so its checks and its write are one step that no other call can interleave.
 */
export class MemoryNewsRepository implements NewsRepository {
  private readonly items: NewsItem[] = [];
  private lastNumber = 0;

  async insert(item: NewNewsItem, limit: SendingLimit = NO_LIMIT): Promise<InsertResult> {
    const { sourceKey, textKey } = dedupeKeys(item);
    const duplicate = this.items.find((existing) => {
      const keys = dedupeKeys(existing);
      return keys.textKey === textKey || (sourceKey !== null && keys.sourceKey === sourceKey);
    });
    if (duplicate) return { duplicateOf: duplicate.id };
    const sender = senderKey(item);
    const sent = this.items.filter((i) => senderKey(i) === sender && i.receivedAt >= limit.since).length;
    if (sent >= limit.max) return { rateLimited: true };
    const inserted = { ...structuredClone(item), id: ++this.lastNumber };
    this.items.push(inserted);
    return { inserted: structuredClone(inserted) };
  }

  async restore(item: NewsItem): Promise<void> {
    if (this.items.some((i) => i.id === item.id)) throw new Error(`the queue already holds #${item.id}`);
    this.items.push(structuredClone(item));
    this.items.sort((a, b) => a.id - b.id);
    this.lastNumber = Math.max(this.lastNumber, item.id);
  }

  async get(id: number): Promise<NewsItem | undefined> {
    const item = this.items.find((i) => i.id === id);
    return item && structuredClone(item);
  }

  async list(status?: NewsStatus): Promise<NewsItem[]> {
    return structuredClone(this.items.filter((i) => !status || i.status === status));
  }

  async update(item: NewsItem, previous: NewsItem): Promise<boolean> {
    const index = this.items.findIndex((i) => i.id === item.id);
    if (index < 0 || itemToJson(this.items[index]!) !== itemToJson(previous)) return false;
    this.items[index] = structuredClone(item);
    return true;
  }
}
