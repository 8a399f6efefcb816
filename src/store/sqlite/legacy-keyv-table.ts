import type Database from 'better-sqlite3';
import { waitingOutLocks } from './lock-wait.js';
import type { StoreFileGuard } from './store-file-guard.js';

/**
 * Moves the values kept by earlier versions of the bot into today's table. keyv's values were
 * stored by @keyv/sqlite, in a table of its own: `keyv (key VARCHAR(255) PRIMARY KEY, value TEXT)`,
 * with the same keys and the same serialized text as `gsef_values` (keyv makes both). The rows
 * move, and the old table is dropped, in one transaction: a process killed midway leaves the old
 * table whole, and of two processes opening the file at once, the second finds nothing left to
 * move. A key already in `gsef_values` keeps its newer value.
 */
export async function moveLegacyKeyvTable(connection: Database.Database, guard: StoreFileGuard): Promise<void> {
  const legacyTable = connection.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'keyv'");
  const move = connection.transaction(() => {
    if (legacyTable.get() === undefined) return;
    connection.exec(
      'INSERT INTO gsef_values (key, value) SELECT key, value FROM keyv WHERE value IS NOT NULL ON CONFLICT (key) DO NOTHING',
    );
    connection.exec('DROP TABLE keyv');
  });
  // Looked for first without taking the write lock: every start but the first after the upgrade
  // finds no old table. IMMEDIATE takes the write lock before looking again.
  if ((await waitingOutLocks(() => legacyTable.get())) !== undefined) await waitingOutLocks(() => move.immediate());
  await guard.check();
}
