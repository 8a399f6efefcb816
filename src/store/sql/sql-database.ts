/**
 * What the SQL backends (SQLite, PostgreSQL) have in common, so that the claims and the news queue
 * are written once, in the SQL both understand.
 */
export interface SqlDatabase {
  /** Runs one statement with `$1, $2…` parameters; it is committed when the promise resolves. */
  query<Row>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /**
   * Runs table and index definitions (`CREATE … IF NOT EXISTS`), safely when several instances
   * start at once against one database.
   */
  define(statements: readonly string[]): Promise<void>;
  /** A column definition for an auto-numbered integer primary key: each SQL spells it its own way. */
  readonly autoNumberedKey: string;
  /** After rows were inserted with explicit keys: makes `table`'s numbering continue after the highest. */
  continueNumbering(table: string): Promise<void>;
}
