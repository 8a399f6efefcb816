import type { NewNewsItem, NewsItem, NewsStatus } from '../../news/news-item.js';
import {
  dedupeKeys,
  itemFromJson,
  itemToJson,
  NO_LIMIT,
  senderKey,
  type InsertResult,
  type NewsRepository,
  type SendingLimit,
} from '../../news/news-repository.js';
import { storedSchema } from '../stored-value.js';
import { rowsOf, type SqlDatabase } from './sql-database.js';

const idRow = storedSchema((z) => z.object({ id: z.number().int() }));
const itemRow = storedSchema((z) => z.object({ id: z.number().int(), item: z.string() }));

/**
 * The newsletter queue as one table. The duplicate rules are UNIQUE constraints, so that two
 * instances receiving the same message at once still store it once. `author_key` is named from
 * when every item was sent by its author: it holds the item's sender, for the daily limit.
 */
export class SqlNewsRepository implements NewsRepository {
  private constructor(private readonly db: SqlDatabase) {}

  static async open(db: SqlDatabase): Promise<SqlNewsRepository> {
    await db.define([
      `CREATE TABLE IF NOT EXISTS gsef_news (
        id ${db.autoNumberedKey},
        source_key TEXT UNIQUE,
        text_key TEXT NOT NULL UNIQUE,
        author_key TEXT NOT NULL,
        received_at TEXT NOT NULL,
        status TEXT NOT NULL,
        item TEXT NOT NULL)`,
      'CREATE INDEX IF NOT EXISTS gsef_news_by_author ON gsef_news (author_key, received_at)',
      'CREATE INDEX IF NOT EXISTS gsef_news_by_status ON gsef_news (status, id)',
    ]);
    return new SqlNewsRepository(db);
  }

  async insert(item: NewNewsItem, limit: SendingLimit = NO_LIMIT): Promise<InsertResult> {
    const { sourceKey, textKey } = dedupeKeys(item);
    const sender = senderKey(item);
    // One statement, run under the sender's lock: the limit is counted and the row written in one
    // step, so that a sender's items arriving at once, at any instance, are counted one after
    // another. A known duplicate or an item over the limit inserts no row, so it uses up no number
    // (an insert that merely conflicts would, in both databases, and members and editors would see
    // gaps: #1, #3…); a duplicate arriving at the same moment from another sender breaks a UNIQUE
    // constraint and inserts nothing either.
    const rows = await rowsOf(
      idRow,
      'gsef_news',
      await this.db.queryUnderLock(
        `news-sender:${sender}`,
        `INSERT INTO gsef_news (source_key, text_key, author_key, received_at, status, item)
       SELECT $1, $2, $3, $4, $5, $6
       WHERE NOT EXISTS (SELECT 1 FROM gsef_news WHERE source_key = $1 OR text_key = $2)
         AND (SELECT COUNT(*) FROM gsef_news WHERE author_key = $3 AND received_at >= $7) < $8
       ON CONFLICT DO NOTHING RETURNING id`,
        [sourceKey, textKey, sender, item.receivedAt, item.status, itemToJson(item), limit.since, limit.max],
      ),
    );
    const id = rows[0]?.id;
    if (id !== undefined) return { inserted: { ...item, id } };
    const duplicate = await this.duplicateOf(sourceKey, textKey);
    return duplicate !== undefined ? { duplicateOf: duplicate } : { rateLimited: true };
  }

  private async duplicateOf(sourceKey: string | null, textKey: string): Promise<number | undefined> {
    const rows = await rowsOf(
      idRow,
      'gsef_news',
      await this.db.query('SELECT id FROM gsef_news WHERE source_key = $1 OR text_key = $2 ORDER BY id LIMIT 1', [
        sourceKey,
        textKey,
      ]),
    );
    return rows[0]?.id;
  }

  async get(id: number): Promise<NewsItem | undefined> {
    const rows = await rowsOf(
      itemRow,
      'gsef_news',
      await this.db.query('SELECT id, item FROM gsef_news WHERE id = $1', [id]),
    );
    return rows[0] && (await itemFromJson(rows[0].id, rows[0].item));
  }

  async list(status?: NewsStatus): Promise<NewsItem[]> {
    const rows = status
      ? await this.db.query('SELECT id, item FROM gsef_news WHERE status = $1 ORDER BY id', [status])
      : await this.db.query('SELECT id, item FROM gsef_news ORDER BY id');
    return Promise.all((await rowsOf(itemRow, 'gsef_news', rows)).map((row) => itemFromJson(row.id, row.item)));
  }

  async update(item: NewsItem, previous: NewsItem): Promise<boolean> {
    const rows = await this.db.query(
      'UPDATE gsef_news SET status = $1, item = $2 WHERE id = $3 AND item = $4 RETURNING id',
      [item.status, itemToJson(item), item.id, itemToJson(previous)],
    );
    return rows.length === 1;
  }

  async restore(item: NewsItem): Promise<void> {
    const { sourceKey, textKey } = dedupeKeys(item);
    await this.db.query(
      'INSERT INTO gsef_news (id, source_key, text_key, author_key, received_at, status, item) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [item.id, sourceKey, textKey, senderKey(item), item.receivedAt, item.status, itemToJson(item)],
    );
    await this.db.continueNumbering('gsef_news');
  }
}
