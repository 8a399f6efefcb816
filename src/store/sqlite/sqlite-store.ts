import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import Keyv from 'keyv';
import { SqlKeyValues } from '../sql/sql-key-values.js';
import { sqlStore } from '../sql/sql-store.js';
import { KeyvValues } from '../keyv-values.js';
import type { Store } from '../store.js';
import { DEFAULT_STORE_URL } from '../store-url.js';
import { moveLegacyKeyvTable } from './legacy-keyv-table.js';
import { SQLITE_BLOCKING_WAIT_MS, waitingOutLocks } from './lock-wait.js';
import { sqliteDatabase } from './sqlite-database.js';
import { StoreFileGuard } from './store-file-guard.js';

/** The folder of the default store, the project's `var/`. */
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
  if (!created) await requireWritable(absolute);
  const connection = new Database(absolute, { timeout: SQLITE_BLOCKING_WAIT_MS });
  try {
    await waitingOutLocks(() => {
      // Write-ahead logging: a committed write survives the process being killed (kill -9) the moment
      // the statement returns, without waiting for the disk on every commit; readers never block writers.
      connection.pragma('journal_mode = WAL');
      connection.pragma('synchronous = NORMAL');
    });
  } catch (error) {
    connection.close();
    throw /^SQLITE_READONLY/.test((error as { code?: string }).code ?? '') ? notWritable(absolute) : error;
  }
  try {
    const guard = await StoreFileGuard.of(absolute);
    const db = sqliteDatabase(connection, guard);
    const values = new KeyvValues(new Keyv({ store: await SqlKeyValues.open(db, 'sqlite') }));
    await moveLegacyKeyvTable(connection, guard);
    const store = await sqlStore(db, values, async () => {
      connection.close();
    });
    return created
      ? {
          ...store,
          warnings: [
            ...store.warnings,
            `created a new, empty store at ${absolute}: if the bot kept its news elsewhere before, GSEF_STORE_URL names the wrong file`,
          ],
        }
      : store;
  } catch (error) {
    connection.close();
    throw error;
  }
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
 * write would fail, long after start-up said all was well. So the system is asked first whether
 * the bot may write the file. (Writing its header back unchanged, as this did before, cost every
 * start and every one-shot answer a checkpoint and a flush to disk at close, 10-20 ms; taking
 * SQLite's write lock is not refused on a file it opened read-only.)
 */
async function requireWritable(file: string): Promise<void> {
  try {
    await access(file, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? notWritable(file) : error;
  }
}

function notWritable(file: string): Error {
  return new Error(
    `${file} can be read but not written: make the file and its folder writable by the bot's user (SQLite writes its -wal and -shm files beside it)`,
  );
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
