import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import KeyvSqlite from '@keyv/sqlite';
import Keyv from 'keyv';
import { ConfigError, DEFAULT_STORE_URL } from '../config.js';

/**
 * Opens the keyv store named by GSEF_STORE_URL: `sqlite://path` (relative to the working
 * directory, or `sqlite:///absolute/path`), or `memory://` for tests and throwaway runs.
 */
export async function openStore(url: string): Promise<Keyv> {
  if (url === 'memory://') return new Keyv();
  const sqliteUrl = /^sqlite:\/\/(.+)$/.exec(url);
  if (sqliteUrl) {
    const file = path.resolve(sqliteUrl[1]!);
    await mkdir(path.dirname(file), { recursive: true });
    const sqlite = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 10_000 });
    // Write-ahead logging: a committed write survives the process being killed (kill -9) the moment
    // the statement returns, without waiting for the disk on every commit; readers never block writers.
    await sqlite.query('PRAGMA journal_mode = WAL');
    await sqlite.query('PRAGMA synchronous = NORMAL');
    const store = new Keyv({ store: sqlite });
    store.on('error', () => {}); // errors surface as rejected promises at the call site, where they are handled
    return store;
  }
  throw new ConfigError('GSEF_STORE_URL', `"${url}" is not a store this bot can open; use ${DEFAULT_STORE_URL} (the default) or memory://`);
}
