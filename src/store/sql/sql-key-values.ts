import { EventEmitter } from 'node:events';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import { hasTextFields, plainSchema } from '../stored-value.js';
import { rowsOf, type SqlDatabase } from './sql-database.js';

/** keyv's names for the SQL databases the store runs on. */
type SqlDialect = 'sqlite' | 'postgres';

const TABLE_DEFINITION = 'CREATE TABLE IF NOT EXISTS gsef_values (key TEXT PRIMARY KEY, value TEXT NOT NULL)';

// Read by nearly every answer (a person's language): checked without loading zod.
const valueRow = plainSchema((row) => hasTextFields(row, ['value']), 'a row with a text value');
const entryRow = plainSchema((row) => hasTextFields(row, ['key', 'value']), 'a row with a text key and value');

/** How many rows the iterator reads at a time. */
const PAGE = 100;

/**
 * keyv's storage adapter over a table of a SQL database the store owns, SQLite or PostgreSQL.
 * @keyv/postgres keeps one connection pool for the whole process (a second store replaces it, and
 * disconnecting either ends the last one created), and @keyv/sqlite brings a driver of its own,
 * so the bot gives keyv this small adapter over its own connections instead. keyv serializes
 * values (and their expiry) to text before they reach here.
 */
export class SqlKeyValues extends EventEmitter implements KeyvStoreAdapter {
  /** keyv offers `iterator()` only for the dialects it knows. */
  readonly opts: { dialect: SqlDialect; url: string };
  namespace?: string;

  private constructor(
    private readonly db: SqlDatabase,
    dialect: SqlDialect,
  ) {
    super();
    this.opts = { dialect, url: '' };
  }

  static async open(db: SqlDatabase, dialect: SqlDialect): Promise<SqlKeyValues> {
    await db.define([TABLE_DEFINITION]);
    return new SqlKeyValues(db, dialect);
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const rows = await rowsOf(
      valueRow,
      'gsef_values',
      await this.db.query('SELECT value FROM gsef_values WHERE key = $1', [key]),
    );
    // keyv's adapter type says Value, but an adapter hands keyv the serialized text it was given,
    // which keyv parses; what a value holds is checked by whoever reads it (stored-value.ts).
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
    await this.db.query("DELETE FROM gsef_values WHERE key LIKE $1 ESCAPE '\\'", [`${likePrefix(this.namespace)}%`]);
  }

  async *iterator(namespace?: string): AsyncGenerator<[string, string], void> {
    let after = '';
    for (;;) {
      const rows = await rowsOf(
        entryRow,
        'gsef_values',
        await this.db.query(
          "SELECT key, value FROM gsef_values WHERE key LIKE $1 ESCAPE '\\' AND key > $2 ORDER BY key LIMIT $3",
          [`${likePrefix(namespace)}%`, after, PAGE],
        ),
      );
      for (const row of rows) yield [row.key, row.value];
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.key;
    }
  }
}

/**
 * keyv's keys are `namespace:key`; LIKE's wildcards in a namespace are taken literally (SQLite's
 * LIKE has no escape character unless one is named, hence `ESCAPE '\'`, which PostgreSQL accepts
 * too). SQLite's LIKE also ignores ASCII case: two namespaces differing only in case would overlap
 * there, and the bot uses one, keyv's default.
 */
function likePrefix(namespace: string | undefined): string {
  return namespace ? `${namespace.replace(/[\\%_]/g, '\\$&')}:` : '';
}
