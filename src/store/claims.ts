import KeyvSqlite from '@keyv/sqlite';
import type Keyv from 'keyv';

/**
 * Claims on a piece of work, so that of several processes sharing one store exactly one does it.
 * A claim is atomic in the store itself; one left by a process that died is taken over once its
 * lease has run out.
 */
export interface Claims {
  /** True if `owner` holds the claim on `key` now (it was free, stale, or already ours). */
  claim(key: string, owner: string, nowMs: number, leaseMs: number): Promise<boolean>;
}

/** The claims of a keyv store: in its SQLite database, or in memory for a memory store. */
export function claimsOf(store: Keyv): Claims {
  const backend: unknown = store.store;
  if (backend instanceof KeyvSqlite) return new SqliteClaims(backend);
  if (backend instanceof Map) return memoryClaimsOf(backend);
  throw new Error('claims need a SQLite or memory store');
}

class SqliteClaims implements Claims {
  private ready: Promise<unknown> | undefined;

  constructor(private readonly sqlite: KeyvSqlite) {}

  async claim(key: string, owner: string, nowMs: number, leaseMs: number): Promise<boolean> {
    this.ready ??= this.sqlite.query('CREATE TABLE IF NOT EXISTS gsef_claims (key TEXT PRIMARY KEY, owner TEXT NOT NULL, claimed_at INTEGER NOT NULL)');
    await this.ready;
    // Each statement is atomic in SQLite: the insert only succeeds for the first claimant, and the
    // takeover only while the claim is stale, so the owner read back is the one true owner.
    await this.sqlite.query('INSERT OR IGNORE INTO gsef_claims (key, owner, claimed_at) VALUES (?, ?, ?)', key, owner, nowMs);
    await this.sqlite.query('UPDATE gsef_claims SET owner = ?, claimed_at = ? WHERE key = ? AND owner <> ? AND claimed_at < ?', owner, nowMs, key, owner, nowMs - leaseMs);
    const rows = (await this.sqlite.query('SELECT owner FROM gsef_claims WHERE key = ?', key)) as { owner: string }[];
    return rows[0]?.owner === owner;
  }
}

const memoryClaims = new WeakMap<Map<unknown, unknown>, Claims>();

/** One claim table per memory store, checked and set synchronously (no await between). */
function memoryClaimsOf(map: Map<unknown, unknown>): Claims {
  let claims = memoryClaims.get(map);
  if (!claims) {
    const held = new Map<string, { owner: string; at: number }>();
    claims = {
      claim: async (key, owner, nowMs, leaseMs) => {
        const current = held.get(key);
        if (!current || current.owner === owner || current.at < nowMs - leaseMs) held.set(key, { owner, at: nowMs });
        return held.get(key)!.owner === owner;
      },
    };
    memoryClaims.set(map, claims);
  }
  return claims;
}
