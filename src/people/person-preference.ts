import { BoundedMap } from '../bounded-map.js';
import type { Asker } from '../domain/asker.js';
import type { Logger } from '../logger.js';
import type { KeyValues } from '../store/store.js';
import { absentIfUnreadable, type StoredSchema } from '../store/stored-value.js';

/**
 * How long a choice read from the store is trusted. Every answer needs the asker's choices, and a
 * store read costs more than the rest of a short answer; another process sharing the store sees
 * a change within this time.
 */
const CACHE_MS = 10_000;
/** A bound on memory, however many people write: the least recently seen are read again from the store. */
export const MAX_CACHED_PEOPLE = 10_000;

/**
 * One choice each person makes for themselves (`lang`, `tz`), remembered in the store across
 * restarts under `<name>:<platform>:<id>`. A stored value the schema refuses is taken as no
 * choice (with a warning naming its key): the person gets the default, and can choose again.
 */
export class PersonPreference<T> {
  private readonly cache: BoundedMap<string, { value: T | undefined; at: number }>;

  constructor(
    private readonly name: string,
    private readonly schema: StoredSchema<T>,
    private readonly values: KeyValues,
    private readonly logger: Logger,
    private readonly nowMs: () => number = () => performance.now(),
    capacity = MAX_CACHED_PEOPLE,
  ) {
    this.cache = new BoundedMap(capacity);
  }

  async get(asker: Asker): Promise<T | undefined> {
    const known = this.known(asker);
    if (known) return known.value;
    const id = this.key(asker);
    const value = await absentIfUnreadable(this.values.get(id, this.schema), this.logger);
    this.cache.set(id, { value, at: this.nowMs() });
    return value;
  }

  /**
   * The choice as last read, while it is trusted, else undefined: without a promise, for the
   * answers that find it so (nearly all), which `get` would make wait a turn for nothing.
   */
  known(asker: Asker): { readonly value: T | undefined } | undefined {
    const cached = this.cache.get(this.key(asker));
    return cached && this.nowMs() - cached.at < CACHE_MS ? cached : undefined;
  }

  async set(asker: Asker, value: T): Promise<void> {
    await this.values.set(this.key(asker), value);
    this.cache.set(this.key(asker), { value, at: this.nowMs() });
  }

  /** Forgets the choice: true if there was one. */
  async forget(asker: Asker): Promise<boolean> {
    const had = await this.values.delete(this.key(asker));
    this.cache.set(this.key(asker), { value: undefined, at: this.nowMs() });
    return had;
  }

  private key(asker: Asker): string {
    return `${this.name}:${asker.platform}:${asker.id}`;
  }
}
