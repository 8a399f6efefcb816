import type { NewNewsItem, NewsItem, NewsStatus } from '../../news/news-item.js';
import { authorKey, dedupeKeys, itemToJson, type InsertResult, type NewsRepository } from '../../news/news-repository.js';

/** For memory:// stores (tests, throwaway runs): the same rules, checked synchronously. */
export class MemoryNewsRepository implements NewsRepository {
  private readonly items: NewsItem[] = [];
  private lastNumber = 0;

  async insert(item: NewNewsItem): Promise<InsertResult> {
    const { sourceKey, textKey } = dedupeKeys(item);
    const duplicate = this.items.find((existing) => {
      const keys = dedupeKeys(existing);
      return keys.textKey === textKey || (sourceKey !== null && keys.sourceKey === sourceKey);
    });
    if (duplicate) return { duplicateOf: duplicate.id };
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

  async countByAuthorSince(author: NewsItem['author'], sinceIso: string): Promise<number> {
    return this.items.filter((i) => authorKey(i.author) === authorKey(author) && i.receivedAt >= sinceIso).length;
  }
}
