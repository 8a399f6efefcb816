import { ConfigError, DEFAULT_STORE_URL } from '../config.js';
import type { Store } from './store.js';

/** Each backend's module is loaded only when named: a bot on SQLite carries no PostgreSQL or Redis client. */
const BACKENDS: readonly { scheme: RegExp; open: (url: string) => Promise<Store> }[] = [
  // sqlite://relative/path (to the working directory) or sqlite:///absolute/path
  { scheme: /^sqlite:\/\//, open: async (url) => (await import('./sqlite/sqlite-store.js')).sqliteStore(url.slice('sqlite://'.length)) },
  { scheme: /^postgres(ql)?:\/\//, open: async (url) => (await import('./postgres/postgres-store.js')).postgresStore(url) },
  { scheme: /^rediss?:\/\//, open: async (url) => (await import('./redis/redis-store.js')).redisStore(url) },
  { scheme: /^memory:\/\/$/, open: async () => (await import('./memory/memory-store.js')).memoryStore() },
];

/**
 * Opens the store named by GSEF_STORE_URL: `sqlite://FILE` (embedded, the default),
 * `postgres://…` or `redis://…` (shared by several instances), or `memory://` (tests, throwaway
 * runs). A store that cannot be reached stops start-up with a ConfigError that says which.
 */
export async function openStore(url: string): Promise<Store> {
  const backend = BACKENDS.find((b) => b.scheme.test(url));
  if (!backend) {
    throw new ConfigError('GSEF_STORE_URL', `"${withoutPassword(url)}" is not a store this bot can open; use ${DEFAULT_STORE_URL} (the default), postgres://user@host/database, redis://host:6379 or memory://`);
  }
  try {
    return await backend.open(url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError('GSEF_STORE_URL', `cannot open the store at ${withoutPassword(url)}: ${reason}`);
  }
}

/** A URL fit for a log or an error message: its password, if any, masked. */
export function withoutPassword(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}
