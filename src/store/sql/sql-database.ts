import { checkStored, type StoredSchema } from '../stored-value.js';

/**
 * What the SQL backends (SQLite, PostgreSQL) have in common, so that the claims and the news queue
 * are written once, in the SQL both understand.
 */
export interface SqlDatabase {
  /**
   * Runs one statement with `$1, $2…` parameters; it is committed when the promise resolves. The
   * rows are as the driver gives them: read them through `rowsOf`.
   */
  query(sql: string, params?: readonly unknown[]): Promise<unknown[]>;
  /**
   * `query`, holding a lock named `lock` from before the statement reads anything until it is
   * committed: statements under the same lock, from any instance sharing the database, run one
   * after another, each seeing what the previous one wrote. (A check and a write in one statement
   * are not enough alone: PostgreSQL reads as of the statement's start, and lets two such
   * statements read the same state at once.)
   */
  queryUnderLock(lock: string, sql: string, params?: readonly unknown[]): Promise<unknown[]>;
  /**
   * Runs table and index definitions (`CREATE … IF NOT EXISTS`), safely when several instances
   * start at once against one database.
   */
  define(statements: readonly string[]): Promise<void>;
  /** A column definition for an auto-numbered integer primary key: each SQL spells it its own way. */
  readonly autoNumberedKey: string;
  /**
   * Appended to a `SELECT` that picks rows to claim: locks them and passes over rows another
   * claimant has locked (`FOR UPDATE SKIP LOCKED`), so that claimants at once share the rows out
   * instead of racing for the same few and leaving the rest. Empty where writes are serialised
   * anyway (SQLite).
   */
  readonly lockPickedRows: string;
  /** After rows were inserted with explicit keys: makes `table`'s numbering continue after the highest. */
  continueNumbering(table: string): Promise<void>;
}

/** `rows` of `table`, each checked against `schema`: one that fails is a StoredValueError naming the table. */
export function rowsOf<Row>(schema: StoredSchema<Row>, table: string, rows: readonly unknown[]): Promise<Row[]> {
  return Promise.all(rows.map((row) => checkStored(schema, `a row of ${table}`, row)));
}
