import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { storedSchema } from '../../src/store/stored-value.js';
import type { NewNewsItem } from '../../src/news/news-item.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { freshPostgresUrl, freshRedisUrl } from './fresh-databases.js';
import { pollUntil } from './wait-for.js';

/** The URL of a new SQLite file in a folder of its own. */
/** What a test reads back: any text, or anything at all (the stores' own reading is what is tested). */
export const storedText = storedSchema((z) => z.string());
export const storedAnything = storedSchema((z) => z.unknown());

export async function freshSqliteUrl(): Promise<string> {
  return `sqlite://${await mkdtemp(path.join(tmpdir(), 'gsef-store-'))}/gsef.sqlite`;
}

/** A backend GSEF_STORE_URL can name, and how a test gets an empty database of its own on it. */
export interface StoreBackend {
  name: string;
  freshUrl: () => Promise<string>;
}

/**
 * The backends several processes can share. Each test gets a database of its own: a new SQLite
 * file, PostgreSQL database or Redis database number, on the servers that
 * test/support/database-servers.ts starts for the run.
 */
export const SHARED_BACKENDS: StoreBackend[] = [
  { name: 'SQLite', freshUrl: freshSqliteUrl },
  { name: 'PostgreSQL', freshUrl: freshPostgresUrl },
  { name: 'Redis', freshUrl: freshRedisUrl },
];

/** Every backend GSEF_STORE_URL can name: the shared ones and memory. */
export const BACKENDS: StoreBackend[] = [...SHARED_BACKENDS, { name: 'memory', freshUrl: async () => 'memory://' }];

/** A pending item from Ana on Slack, as the news service would hand it to a repository. */
export function newsItem(text: string, overrides: Partial<NewNewsItem> = {}): NewNewsItem {
  return {
    text,
    links: [],
    attachments: [],
    author: { platform: 'slack', userId: 'U1', displayName: 'Ana' },
    lang: 'en',
    source: { platform: 'slack' },
    receivedAt: '2026-11-25T01:00:00.000Z',
    status: 'pending',
    history: [{ action: 'submitted', by: 'slack:U1', at: '2026-11-25T01:00:00.000Z' }],
    ...overrides,
  };
}

/** `openStore` for a test file: every store it opens is closed after each test. */
export function storesClosedAfterEach(): (url: string) => Promise<Store> {
  const opened: Store[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  return async (url) => {
    const store = await openStore(url);
    opened.push(store);
    return store;
  };
}

/**
 * Waits until `store` reads `key` back as `lang` again: after its server was frozen or its
 * connections were ended, the next reads may fail until the client has a working connection.
 */
export async function languageReadAgain(store: Store, key: string, lang: string): Promise<void> {
  await pollUntil(
    () =>
      store.values.get(key, storedText).then(
        (read) => read === lang,
        () => false,
      ),
    'the value read again',
  );
}
