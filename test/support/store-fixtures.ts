import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import type { NewNewsItem } from '../../src/news/news-item.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

/** The URL of a new SQLite file in a folder of its own. */
export async function freshSqliteUrl(): Promise<string> {
  return `sqlite://${await mkdtemp(path.join(tmpdir(), 'gsef-store-'))}/gsef.sqlite`;
}

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
