import type Database from 'better-sqlite3';
import type { SqlDatabase } from '../sql/sql-database.js';
import { waitingOutLocks } from './lock-wait.js';
import type { StoreFileGuard } from './store-file-guard.js';

/**
 * The SQL layer over one better-sqlite3 connection. Each statement runs in SQLite's autocommit
 * mode, waiting out other processes' locks without blocking (see lock-wait.ts), and its result is
 * handed over only if the file is still the store's (see StoreFileGuard).
 */
export function sqliteDatabase(connection: Database.Database, guard: StoreFileGuard): SqlDatabase {
  // Prepared once per SQL text: the texts are the store's own constants, a few dozen in all.
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      // `$n` is PostgreSQL's numbered parameter; SQLite's is `?n` (its `$n` would be a *named*
      // parameter, numbered by first appearance). better-sqlite3 binds `?n` by the name `n`.
      statement = connection.prepare(sql.replace(/\$(\d+)/g, '?$1'));
      statements.set(sql, statement);
    }
    return statement;
  };
  const query = async (sql: string, params: readonly unknown[] = []): Promise<unknown[]> => {
    const rows = await waitingOutLocks(() => {
      const statement = prepared(sql);
      const bound = params.length > 0 ? [Object.fromEntries(params.map((value, i) => [i + 1, value]))] : [];
      if (statement.reader) return statement.all(...bound);
      statement.run(...bound);
      return [];
    });
    await guard.check();
    return rows;
  };
  return {
    query,
    // A writing statement takes the database's one write lock before it reads, whichever process
    // runs it, and holds it until it commits: writes are already one after another.
    queryUnderLock: (_lock, sql, params) => query(sql, params),
    // SQLite runs one writer at a time, so concurrent definitions simply queue.
    define: async (statements) => {
      for (const statement of statements) await query(statement);
    },
    autoNumberedKey: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    lockPickedRows: '',
    // AUTOINCREMENT already continues after the highest key ever stored.
    continueNumbering: async () => {},
  };
}
