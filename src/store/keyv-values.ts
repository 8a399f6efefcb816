import type Keyv from 'keyv';
import { StoredValueError } from '../errors.js';
import type { KeyValues, StoredEntry } from './store.js';
import { checkStored, type StoredSchema } from './stored-value.js';

/**
 * The store's values through keyv, over each backend's keyv adapter: keyv gives every backend the
 * same serialized form and the same expiry. Keyv swallows a backend's errors by default (a failed
 * write looks like a success, a failed read like a missing key): here they reach the caller,
 * which must not, say, believe a reminder was recorded when it was not. Only src/store knows keyv.
 */
export class KeyvValues implements KeyValues {
  constructor(private readonly keyv: Keyv) {
    keyv.throwOnErrors = true;
    keyv.on('error', () => {}); // also emitted; handled where the rejected promise lands
  }

  async get<T>(key: string, schema: StoredSchema<T>): Promise<T | undefined> {
    const value: unknown = await this.keyv.get(key).catch(unlessUnparsable(key));
    return value === undefined ? undefined : checkStored(schema, key, value);
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    await this.keyv.set(key, value, ttlMs);
  }

  delete(key: string): Promise<boolean> {
    return this.keyv.delete(key);
  }

  async *entries(prefix: string): AsyncGenerator<StoredEntry> {
    if (!this.keyv.iterator) throw new Error('this store cannot list its values');
    const listed: AsyncIterable<unknown[]> = this.keyv.iterator(undefined);
    for await (const [key] of catching(listed, unlessUnparsable(`a value under "${prefix}"`))) {
      if (typeof key !== 'string' || !key.startsWith(prefix)) continue;
      // The iterator gives values without their expiry; read again with it (gone meanwhile: skipped).
      const stored = await this.keyv.getRaw(key).catch(unlessUnparsable(key));
      if (stored) yield { key, value: stored.value, expiresAt: stored.expires ?? undefined };
    }
  }

  /** Ends keyv's own backend (memory://; the others close the connection they gave keyv). */
  disconnect(): Promise<void> {
    return this.keyv.disconnect();
  }
}

/** keyv fails with JSON's SyntaxError on a stored text that is not its JSON: that is an unreadable value. */
function unlessUnparsable(key: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof SyntaxError) throw new StoredValueError(key, 'not JSON');
    throw error;
  };
}

async function* catching<T>(items: AsyncIterable<T>, onError: (error: unknown) => never): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (error) {
    onError(error);
  }
}
