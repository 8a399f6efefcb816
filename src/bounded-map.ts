/**
 * A map that forgets its least recently used entry beyond `capacity`: for caches keyed by
 * something outsiders choose (a user id), so that a flood of new keys costs a bounded amount of
 * memory. Reading an entry makes it the most recent.
 */
export class BoundedMap<K, V> {
  // A Map iterates in insertion order: re-inserting on use keeps the least recent first.
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`capacity must be a positive integer, not ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * The key read or written last, already the most recent: reading it again moves nothing (the
   * same person asking the same thing in a row is the common case, and moving costs a delete and
   * an insert).
   */
  private newest: K | undefined;

  get(key: K): V | undefined {
    if (key === this.newest) return this.entries.get(key);
    if (!this.entries.has(key)) return undefined;
    const value = this.entries.get(key)!;
    this.entries.delete(key);
    this.entries.set(key, value);
    this.newest = key;
    return value;
  }

  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    this.newest = key;
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return this;
  }

  delete(key: K): boolean {
    if (key === this.newest) this.newest = undefined;
    return this.entries.delete(key);
  }
}
