import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import type { SqlDatabase } from '../sql/sql-database.js';
import { sqlStore } from '../sql/sql-store.js';
import { strictKeyv, type Store } from '../store.js';

/** sqlite://FILE: one embedded database file, shared by the processes of one machine. */
export async function sqliteStore(file: string): Promise<Store> {
  const absolute = path.resolve(file);
  await mkdir(path.dirname(absolute), { recursive: true });
  const sqlite = new KeyvSqlite({ uri: `sqlite://${absolute}`, busyTimeout: 10_000 });
  // Write-ahead logging: a committed write survives the process being killed (kill -9) the moment
  // the statement returns, without waiting for the disk on every commit; readers never block writers.
  await sqlite.query('PRAGMA journal_mode = WAL');
  await sqlite.query('PRAGMA synchronous = NORMAL');
  const db = sqliteDatabase(sqlite);
  const values = strictKeyv(new Keyv({ store: sqlite }));
  return sqlStore(db, values, () => values.disconnect());
}

function sqliteDatabase(sqlite: KeyvSqlite): SqlDatabase {
  // `$n` is PostgreSQL's numbered parameter; SQLite's is `?n` (its `$n` would be a *named*
  // parameter, numbered by first appearance).
  const query = async <Row>(sql: string, params: readonly unknown[] = []) => (await sqlite.query(sql.replace(/\$(\d+)/g, '?$1'), ...params)) as Row[];
  return {
    query,
    // A writing statement takes the database's one write lock before it reads, whichever process
    // runs it, and holds it until it commits: writes are already one after another.
    queryUnderLock: <Row>(_lock: string, sql: string, params?: readonly unknown[]) => query<Row>(sql, params),
    // SQLite runs one writer at a time, so concurrent definitions simply queue.
    define: async (statements) => {
      for (const statement of statements) await sqlite.query(statement);
    },
    autoNumberedKey: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    // AUTOINCREMENT already continues after the highest key ever stored.
    continueNumbering: async () => {},
  };
}
