import type { Claims } from '../claims.js';

/** Claims within one process (memory:// stores), checked and set with no await between. */
export class MemoryClaims implements Claims {
  private readonly held = new Map<string, { owner: string; at: number }>();

  async claim(key: string, owner: string, nowMs: number, leaseMs: number): Promise<boolean> {
    const current = this.held.get(key);
    if (!current || current.owner === owner || current.at < nowMs - leaseMs) this.held.set(key, { owner, at: nowMs });
    return this.held.get(key)!.owner === owner;
  }

  async forget(prefix: string, beforeMs: number): Promise<void> {
    for (const [key, { at }] of this.held) if (key.startsWith(prefix) && at < beforeMs) this.held.delete(key);
  }
}
