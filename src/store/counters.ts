/**
 * Named counters that hand out numbers (an agenda proposal's #N): each `next` is one atomic step
 * in the store itself, so that processes sharing a store never hand out the same number twice.
 */
export interface Counters {
  /** The counter's next number: 1 the first time, then one more than the last, whoever took it. */
  next(name: string): Promise<number>;
  /** The last number handed out (0 when none was): numbers above it are not taken yet. */
  current(name: string): Promise<number>;
  /** Every counter with its last number, for a store copy. */
  all(): Promise<Map<string, number>>;
  /** Makes the counter continue after `atLeast` (a store copy); a counter already past it is left alone. */
  raise(name: string, atLeast: number): Promise<void>;
}
