import { EventEmitter } from 'node:events';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import type { SqlDatabase } from '../sql/sql-database.js';

const TABLE_DEFINITION = 'CREATE TABLE IF NOT EXISTS gsef_values (key TEXT PRIMARY KEY, value TEXT NOT NULL)';

/** How many rows the iterator reads at a time. */
const PAGE = 100;

/**
 * keyv's storage adapter over a PostgreSQL database the store owns. @keyv/postgres keeps one
 * connection pool for the whole process (a second store replaces it, and disconnecting either
 * ends the last one created), so the bot gives keyv this small adapter over its own pool instead.
 * keyv serializes values (and their expiry) to text before they reach here.
 */
export class PostgresKeyValues extends EventEmitter implements KeyvStoreAdapter {
  /** keyv offers `iterator()` only for the dialects it knows. */
  readonly opts = { dialect: 'postgres', url: '' };
  namespace?: string;

  private constructor(private readonly db: SqlDatabase) {
    super();
  }

  static async open(db: SqlDatabase): Promise<PostgresKeyValues> {
    await db.define([TABLE_DEFINITION]);
    return new PostgresKeyValues(db);
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const rows = await this.db.query<{ value: string }>('SELECT value FROM gsef_values WHERE key = $1', [key]);
    return rows[0]?.value as StoredData<Value> | undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.db.query(
      'INSERT INTO gsef_values (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      [key, String(value)],
    );
  }

  async delete(key: string): Promise<boolean> {
    return (await this.db.query('DELETE FROM gsef_values WHERE key = $1 RETURNING key', [key])).length > 0;
  }

  async has(key: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM gsef_values WHERE key = $1', [key])).length > 0;
  }

  /** Deletes this namespace's keys (everything, without a namespace). */
  async clear(): Promise<void> {
    await this.db.query('DELETE FROM gsef_values WHERE key LIKE $1', [`${likePrefix(this.namespace)}%`]);
  }

  async *iterator<Value>(namespace?: string): AsyncGenerator<Array<string | Awaited<Value> | undefined>, void> {
    let after = '';
    for (;;) {
      const rows = await this.db.query<{ key: string; value: string }>(
        'SELECT key, value FROM gsef_values WHERE key LIKE $1 AND key > $2 ORDER BY key LIMIT $3',
        [`${likePrefix(namespace)}%`, after, PAGE],
      );
      for (const row of rows) yield [row.key, row.value as Awaited<Value>];
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.key;
    }
  }
}

/** keyv's keys are `namespace:key`; LIKE's wildcards in a namespace are taken literally. */
function likePrefix(namespace: string | undefined): string {
  return namespace ? `${namespace.replace(/[\\%_]/g, '\\$&')}:` : '';
}
