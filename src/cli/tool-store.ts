import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { maskCredentials } from '../url-credentials.js';
import type { Print } from './tool.js';

/**
 * Opens GSEF_STORE_URL for a one-shot tool and tells the operator, on stderr, what the store
 * warns of: a new, empty SQLite file created by a mistyped path must not pass in silence.
 */
export async function openToolStore(url: string, program: string, err: Print): Promise<Store> {
  const store = await openStore(url);
  for (const warning of store.warnings) err(`${program}: warning: ${maskCredentials(warning, url)}`);
  return store;
}
