/**
 * Claims on a piece of work, so that of several processes sharing one store exactly one does it.
 * A claim is atomic in the store itself; one left by a process that died is taken over once its
 * lease has run out.
 */
export interface Claims {
  /** True if `owner` holds the claim on `key` now (it was free, stale, or already ours). */
  claim(key: string, owner: string, nowMs: number, leaseMs: number): Promise<boolean>;
  /**
   * Deletes the claims on keys that start with `prefix` last taken or renewed before `beforeMs`,
   * so that claims on short-lived work (a delivery of an event) do not pile up. Pass a time at
   * least one lease in the past: forgetting a claim whose lease has run out changes nothing, as
   * anyone may take it over anyway.
   */
  forget(prefix: string, beforeMs: number): Promise<void>;
}
