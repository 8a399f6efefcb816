import type { Claims } from '../claims.js';
import { storedSchema } from '../stored-value.js';
import { rowsOf, type SqlDatabase } from './sql-database.js';

const ownerRow = storedSchema((z) => z.object({ owner: z.string() }));

/** Claims as rows of one table; each statement is atomic in the database. */
export class SqlClaims implements Claims {
  private constructor(private readonly db: SqlDatabase) {}

  static async open(db: SqlDatabase): Promise<SqlClaims> {
    await db.define([
      'CREATE TABLE IF NOT EXISTS gsef_claims (key TEXT PRIMARY KEY, owner TEXT NOT NULL, claimed_at BIGINT NOT NULL)',
    ]);
    return new SqlClaims(db);
  }

  async claim(key: string, owner: string, nowMs: number, leaseMs: number): Promise<boolean> {
    // Clocks may give fractions of a millisecond; the column holds whole ones.
    const [now, staleBefore] = [Math.floor(nowMs), Math.floor(nowMs - leaseMs)];
    // The insert succeeds only for the first claimant; the update renews the owner's lease, or
    // takes over a stale claim (the database re-checks the condition on the row it locks), so the
    // owner read back is the one true owner.
    await this.db.query('INSERT INTO gsef_claims (key, owner, claimed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      key,
      owner,
      now,
    ]);
    await this.db.query(
      'UPDATE gsef_claims SET owner = $1, claimed_at = $2 WHERE key = $3 AND (owner = $1 OR claimed_at < $4)',
      [owner, now, key, staleBefore],
    );
    const rows = await rowsOf(
      ownerRow,
      'gsef_claims',
      await this.db.query('SELECT owner FROM gsef_claims WHERE key = $1', [key]),
    );
    return rows[0]?.owner === owner;
  }

  async forget(prefix: string, beforeMs: number): Promise<void> {
    // LIKE's wildcards in the prefix are taken literally; SQLite needs the escape character named.
    await this.db.query("DELETE FROM gsef_claims WHERE key LIKE $1 ESCAPE '\\' AND claimed_at < $2", [
      `${prefix.replace(/[\\%_]/g, '\\$&')}%`,
      Math.floor(beforeMs),
    ]);
  }
}
