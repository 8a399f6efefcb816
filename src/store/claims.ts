/**
 * Claims on a piece of work, so that of several processes sharing one store exactly one does it.
 * A claim is atomic in the store itself; one left by a process that died is taken over once its
 * lease has run out.
 */
export interface Claims {
  /** True if `owner` holds the claim on `key` now (it was free, stale, or already ours). */
  claim(key: string, owner: string, nowMs: number, leaseMs: number): Promise<boolean>;
}
