import type { Counters } from '../counters.js';
import { storedSchema } from '../stored-value.js';
import { rowsOf, type SqlDatabase } from './sql-database.js';

const valueRow = storedSchema((z) => z.object({ value: z.union([z.number(), z.string()]) }));
const counterRow = storedSchema((z) => z.object({ name: z.string(), value: z.union([z.number(), z.string()]) }));

/**
 * Counters as rows of one table. Taking a number is one statement, which the database runs
 * atomically (PostgreSQL locks the row an upsert updates; SQLite runs one writer at a time).
 */
export class SqlCounters implements Counters {
  private constructor(private readonly db: SqlDatabase) {}

  static async open(db: SqlDatabase): Promise<SqlCounters> {
    await db.define(['CREATE TABLE IF NOT EXISTS gsef_counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)']);
    return new SqlCounters(db);
  }

  async next(name: string): Promise<number> {
    const rows = await this.db.query(
      `INSERT INTO gsef_counters (name, value) VALUES ($1, 1)
       ON CONFLICT (name) DO UPDATE SET value = gsef_counters.value + 1 RETURNING value`,
      [name],
    );
    return numberOf((await rowsOf(valueRow, 'gsef_counters', rows))[0]?.value);
  }

  async current(name: string): Promise<number> {
    const rows = await this.db.query('SELECT value FROM gsef_counters WHERE name = $1', [name]);
    return numberOf((await rowsOf(valueRow, 'gsef_counters', rows))[0]?.value ?? 0);
  }

  async all(): Promise<Map<string, number>> {
    const rows = await rowsOf(
      counterRow,
      'gsef_counters',
      await this.db.query('SELECT name, value FROM gsef_counters'),
    );
    return new Map(rows.map((row) => [row.name, numberOf(row.value)]));
  }

  async raise(name: string, atLeast: number): Promise<void> {
    // CASE rather than GREATEST or MAX: the one spelling both SQLite and PostgreSQL understand.
    await this.db.query(
      `INSERT INTO gsef_counters (name, value) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET value =
         CASE WHEN gsef_counters.value < excluded.value THEN excluded.value ELSE gsef_counters.value END`,
      [name, atLeast],
    );
  }
}

/** PostgreSQL's driver gives a BIGINT as text (it may exceed a double); a counter never does. */
function numberOf(value: number | string | undefined): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new Error(`a counter in gsef_counters is not a number: ${String(value)}`);
  return number;
}
