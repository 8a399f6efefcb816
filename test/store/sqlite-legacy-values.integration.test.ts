import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LanguagePreferences } from '../../src/people/language-preferences.js';
import { silentLogger } from '../../src/logger.js';
import { SqlKeyValues } from '../../src/store/sql/sql-key-values.js';
import { moveLegacyKeyvTable } from '../../src/store/sqlite/legacy-keyv-table.js';
import { sqliteDatabase } from '../../src/store/sqlite/sqlite-database.js';
import { StoreFileGuard } from '../../src/store/sqlite/store-file-guard.js';
import type { Store } from '../../src/store/store.js';
import { freshSqliteUrl, storedAnything, storedText, storesClosedAfterEach } from '../support/store-fixtures.js';

const open = storesClosedAfterEach();
const fileOf = (url: string) => url.slice('sqlite://'.length);

/** keyv's rows as @keyv/sqlite stored them (the namespaced key, the value with its expiry as JSON), by key. */
const LEGACY_ROWS: [key: string, value: string][] = [
  ['keyv:lang:discord:42', '{"value":"es","expires":null}'],
  ['keyv:lang:slack:U1', '{"value":"fr","expires":null}'],
  ['keyv:reminder:meeting-q1:2026-11-25', '{"value":{"posted":true},"expires":null}'],
];

/** A store file as versions of the bot before better-sqlite3 left it: keyv's values in @keyv/sqlite's table. */
async function legacyStoreUrl(): Promise<string> {
  const url = await freshSqliteUrl();
  const file = new Database(fileOf(url));
  file.pragma('journal_mode = WAL');
  file.exec('CREATE TABLE IF NOT EXISTS keyv(key VARCHAR(255) PRIMARY KEY, value TEXT )'); // @keyv/sqlite 4's own definition
  const insert = file.prepare('INSERT INTO keyv (key, value) VALUES (?, ?)');
  for (const row of LEGACY_ROWS) insert.run(...row);
  file.close();
  return url;
}

function tablesOf(path: string): string[] {
  const file = new Database(path, { readonly: true });
  try {
    return file
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all()
      .map((row) => row.name);
  } finally {
    file.close();
  }
}

async function expectLegacyValues(store: Store): Promise<void> {
  expect(
    await new LanguagePreferences(store.values, silentLogger).get({ platform: 'slack', id: 'U1', isEditor: false }),
  ).toBe('fr');
  expect(await store.values.get('lang:discord:42', storedText)).toBe('es');
  expect(await store.values.get('reminder:meeting-q1:2026-11-25', storedAnything)).toEqual({ posted: true });
}

describe('a SQLite store file written by @keyv/sqlite', () => {
  it("keeps keyv's values: they move into the store's own table, and the old table is dropped", async () => {
    const url = await legacyStoreUrl();
    const store = await open(url);
    await expectLegacyValues(store);
    expect(tablesOf(fileOf(url))).not.toContain('keyv');
    expect(tablesOf(fileOf(url))).toContain('gsef_values');
    await store.close();

    // Opened again: nothing left to move, nothing lost.
    await expectLegacyValues(await open(url));
  });

  it('moved by two processes at once: the second, having seen the old table before the first moved it, moves nothing and fails nothing', async () => {
    const file = fileOf(await legacyStoreUrl());
    const [first, second] = [new Database(file), new Database(file)];
    try {
      const guard = await StoreFileGuard.of(file);
      await SqlKeyValues.open(sqliteDatabase(first, guard), 'sqlite');
      // Both look for the old table before either moves it: each call looks before its first pause.
      await Promise.all([moveLegacyKeyvTable(first, guard), moveLegacyKeyvTable(second, guard)]);
      expect(first.prepare('SELECT key, value FROM gsef_values ORDER BY key').raw().all()).toEqual(LEGACY_ROWS);
    } finally {
      first.close();
      second.close();
    }
    expect(tablesOf(file)).not.toContain('keyv');
  });
});
