import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { DEFAULT_STORE_URL } from '../store-url.js';
import type { SqlDatabase } from '../sql/sql-database.js';
import { sqlStore } from '../sql/sql-store.js';
import { strictKeyv, type Store } from '../store.js';
import { StoreFileGuard } from './store-file-guard.js';

/** The folder of the default store, `var/` under the working directory. */
const DEFAULT_FOLDER = path.dirname(path.resolve(DEFAULT_STORE_URL.slice('sqlite://'.length)));

/**
 * sqlite://FILE: one embedded database file, shared by the processes of one machine. It is
 * refused at start-up when it could be read but not written, and stops accepting anything if the
 * file is deleted or replaced while the bot runs (see StoreFileGuard).
 */
export async function sqliteStore(file: string): Promise<Store> {
  const absolute = path.resolve(file);
  await requireFolder(path.dirname(absolute));
  const created = !(await exists(absolute));
  const sqlite = new KeyvSqlite({ uri: `sqlite://${absolute}`, busyTimeout: 10_000 });
  try {
    // Write-ahead logging: a committed write survives the process being killed (kill -9) the moment
    // the statement returns, without waiting for the disk on every commit; readers never block writers.
    await sqlite.query('PRAGMA journal_mode = WAL');
    await sqlite.query('PRAGMA synchronous = NORMAL');
    await requireWritable(sqlite);
  } catch (error) {
    await sqlite.disconnect();
    throw (error as { code?: string }).code === 'SQLITE_READONLY'
      ? new Error(
          `${absolute} can be read but not written: make the file and its folder writable by the bot's user (SQLite writes its -wal and -shm files beside it)`,
        )
      : error;
  }
  const guard = await StoreFileGuard.of(absolute);
  const query = sqlite.query;
  // Every statement, keyv's included: a result is handed over only if the file is still the store's.
  sqlite.query = async (sql: string, ...params: unknown[]) => {
    const rows: unknown = await query(sql, ...params);
    await guard.check();
    return rows;
  };
  const db = sqliteDatabase(sqlite);
  const values = strictKeyv(new Keyv({ store: sqlite }));
  const store = await sqlStore(db, values, () => values.disconnect());
  return created
    ? {
        ...store,
        warnings: [
          ...store.warnings,
          `created a new, empty store at ${absolute}: if the bot kept its news elsewhere before, GSEF_STORE_URL names the wrong file`,
        ],
      }
    : store;
}

/**
 * A store in a folder that does not exist is a typo far more often than a wish: creating the
 * folder would start the bot on an empty queue, silently. Only the default folder is created, so
 * that a first `npm start` works as it is.
 */
async function requireFolder(folder: string): Promise<void> {
  if (folder === DEFAULT_FOLDER) await mkdir(folder, { recursive: true });
  else if (!(await exists(folder)))
    throw new Error(`the folder ${folder} does not exist: create it, or correct the path`);
}

/**
 * SQLite opens a file it may only read without a word, and answers reads from it: the first
 * write would fail, long after start-up said all was well. Writing the header's user version
 * back unchanged is a real write that changes nothing.
 */
async function requireWritable(sqlite: KeyvSqlite): Promise<void> {
  const [row] = (await sqlite.query('PRAGMA user_version')) as { user_version?: number }[];
  await sqlite.query(`PRAGMA user_version = ${Math.trunc(Number(row?.user_version ?? 0))}`);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw error;
    },
  );
}

function sqliteDatabase(sqlite: KeyvSqlite): SqlDatabase {
  // `$n` is PostgreSQL's numbered parameter; SQLite's is `?n` (its `$n` would be a *named*
  // parameter, numbered by first appearance).
  const query = async <Row>(sql: string, params: readonly unknown[] = []) =>
    (await sqlite.query(sql.replace(/\$(\d+)/g, '?$1'), ...params)) as Row[];
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
