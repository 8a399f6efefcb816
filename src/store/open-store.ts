import { ConfigError } from '../errors.js';
import type { Store } from './store.js';
import { maskCredentials } from '../url-credentials.js';
import { parseStoreUrl, type StoreKind } from './store-url.js';

/** Each backend's module is loaded only when named: a bot on SQLite carries no PostgreSQL or Redis client. */
const BACKENDS: Record<StoreKind, (url: string) => Promise<Store>> = {
  sqlite: async (url) => (await import('./sqlite/sqlite-store.js')).sqliteStore(url.slice('sqlite://'.length)),
  postgres: async (url) => (await import('./postgres/postgres-store.js')).postgresStore(url),
  redis: async (url) => (await import('./redis/redis-store.js')).redisStore(url),
  memory: async () => (await import('./memory/memory-store.js')).memoryStore(),
};

/**
 * Opens the store named by GSEF_STORE_URL: `sqlite://FILE` (embedded, the default),
 * `postgres://…` or `redis://…` (shared by several instances), or `memory://` (tests, throwaway
 * runs). A store that cannot be reached stops start-up with a ConfigError that says which, with
 * every credential of the URL masked.
 */
export async function openStore(url: string): Promise<Store> {
  const parsed = parseStoreUrl(url);
  if ('problem' in parsed) throw new ConfigError('GSEF_STORE_URL', parsed.problem);
  try {
    return await BACKENDS[parsed.kind](url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError(
      'GSEF_STORE_URL',
      maskCredentials(`cannot open the store at ${url}: ${reason.split('\n')[0]}`, url),
    );
  }
}
