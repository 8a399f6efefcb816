import { createHash } from 'node:crypto';
import KeyvSqlite from '@keyv/sqlite';
import type Keyv from 'keyv';
import { normalize } from '../domain/search/normalize.js';
import type { NewNewsItem, NewsItem, NewsStatus } from './news-item.js';

/** The outcome of adding an item: its number, or the number of the item it duplicates. */
export type InsertResult = { inserted: NewsItem } | { duplicateOf: number };

/**
 * Where news items live. Adding is one atomic step that refuses a duplicate (the same source
 * message, or the same text) and returns only once the item is durably stored, so that a
 * submitter is never told "received" for an item a crash could lose.
 */
export interface NewsRepository {
  insert(item: NewNewsItem): Promise<InsertResult>;
  get(id: number): Promise<NewsItem | undefined>;
  list(status?: NewsStatus): Promise<NewsItem[]>;
  update(item: NewsItem): Promise<void>;
  /** How many items an author sent since an instant (ISO), for the daily limit. */
  countByAuthorSince(author: NewsItem['author'], sinceIso: string): Promise<number>;
}

/** The repository of a keyv store: a table in its SQLite database, or memory for a memory store. */
export function newsRepositoryOf(store: Keyv): NewsRepository {
  const backend: unknown = store.store;
  if (backend instanceof KeyvSqlite) return new SqliteNewsRepository(backend);
  if (!(backend instanceof Map)) throw new Error('the news queue needs a SQLite or memory store');
  let repository = memoryRepositories.get(backend);
  if (!repository) memoryRepositories.set(backend, (repository = new MemoryNewsRepository()));
  return repository;
}

/** One queue per memory store, so that every part of the bot sharing the store sees the same items. */
const memoryRepositories = new WeakMap<Map<unknown, unknown>, NewsRepository>();

/** What makes two submissions the same: the source message, and the text folded for comparison. */
export function dedupeKeys(item: NewNewsItem): { sourceKey: string | null; textKey: string } {
  const { platform, channel, messageId } = item.source;
  return {
    sourceKey: messageId ? `${platform}:${channel ?? ''}:${messageId}` : null,
    textKey: createHash('sha256').update(normalize(item.text)).digest('hex'),
  };
}

function authorKey(author: NewsItem['author']): string {
  return `${author.platform}:${author.userId}`;
}

class SqliteNewsRepository implements NewsRepository {
  private ready: Promise<unknown> | undefined;

  constructor(private readonly sqlite: KeyvSqlite) {}

  private async table(): Promise<void> {
    this.ready ??= this.sqlite.query(
      `CREATE TABLE IF NOT EXISTS gsef_news (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        source_key TEXT UNIQUE,
        text_key TEXT NOT NULL UNIQUE,
        author_key TEXT NOT NULL,
        received_at TEXT NOT NULL,
        status TEXT NOT NULL,
        item TEXT NOT NULL)`,
    ).then(() => this.sqlite.query('CREATE INDEX IF NOT EXISTS gsef_news_by_author ON gsef_news (author_key, received_at)'));
    await this.ready;
  }

  async insert(item: NewNewsItem): Promise<InsertResult> {
    await this.table();
    const { sourceKey, textKey } = dedupeKeys(item);
    // One statement: atomic, and durable once it returns (SQLite commits it before answering).
    // A duplicate breaks a UNIQUE constraint and inserts nothing.
    const rows = (await this.sqlite.query(
      `INSERT INTO gsef_news (source_key, text_key, author_key, received_at, status, item) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING RETURNING id`,
      sourceKey, textKey, authorKey(item.author), item.receivedAt, item.status, JSON.stringify(item),
    )) as { id: number }[];
    const id = rows[0]?.id;
    if (id !== undefined) return { inserted: { id, ...item } };
    const existing = (await this.sqlite.query('SELECT id FROM gsef_news WHERE source_key = ? OR text_key = ? ORDER BY id LIMIT 1', sourceKey, textKey)) as { id: number }[];
    return { duplicateOf: existing[0]!.id };
  }

  async get(id: number): Promise<NewsItem | undefined> {
    await this.table();
    const rows = (await this.sqlite.query('SELECT id, item FROM gsef_news WHERE id = ?', id)) as { id: number; item: string }[];
    return rows[0] ? parseRow(rows[0]) : undefined;
  }

  async list(status?: NewsStatus): Promise<NewsItem[]> {
    await this.table();
    const rows = (status
      ? await this.sqlite.query('SELECT id, item FROM gsef_news WHERE status = ? ORDER BY id', status)
      : await this.sqlite.query('SELECT id, item FROM gsef_news ORDER BY id')) as { id: number; item: string }[];
    return rows.map(parseRow);
  }

  async update(item: NewsItem): Promise<void> {
    await this.table();
    const { id, ...rest } = item;
    await this.sqlite.query('UPDATE gsef_news SET status = ?, item = ? WHERE id = ?', item.status, JSON.stringify(rest), id);
  }

  async countByAuthorSince(author: NewsItem['author'], sinceIso: string): Promise<number> {
    await this.table();
    const rows = (await this.sqlite.query('SELECT COUNT(*) AS n FROM gsef_news WHERE author_key = ? AND received_at >= ?', authorKey(author), sinceIso)) as { n: number }[];
    return rows[0]?.n ?? 0;
  }
}

function parseRow(row: { id: number; item: string }): NewsItem {
  return { ...(JSON.parse(row.item) as NewNewsItem), id: row.id };
}

/** For memory:// stores (tests, throwaway runs): the same rules, checked synchronously. */
class MemoryNewsRepository implements NewsRepository {
  private readonly items: NewsItem[] = [];

  async insert(item: NewNewsItem): Promise<InsertResult> {
    const { sourceKey, textKey } = dedupeKeys(item);
    const duplicate = this.items.find((existing) => {
      const keys = dedupeKeys(existing);
      return keys.textKey === textKey || (sourceKey !== null && keys.sourceKey === sourceKey);
    });
    if (duplicate) return { duplicateOf: duplicate.id };
    const inserted = { id: this.items.length + 1, ...structuredClone(item) };
    this.items.push(inserted);
    return { inserted: structuredClone(inserted) };
  }

  async get(id: number): Promise<NewsItem | undefined> {
    const item = this.items.find((i) => i.id === id);
    return item && structuredClone(item);
  }

  async list(status?: NewsStatus): Promise<NewsItem[]> {
    return structuredClone(this.items.filter((i) => !status || i.status === status));
  }

  async update(item: NewsItem): Promise<void> {
    const index = this.items.findIndex((i) => i.id === item.id);
    if (index >= 0) this.items[index] = structuredClone(item);
  }

  async countByAuthorSince(author: NewsItem['author'], sinceIso: string): Promise<number> {
    return this.items.filter((i) => authorKey(i.author) === authorKey(author) && i.receivedAt >= sinceIso).length;
  }
}
