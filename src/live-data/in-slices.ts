import { setImmediate as nextTurn } from 'node:timers/promises';

export interface SliceOptions {
  /** How long a slice runs steps before it lets the event loop turn, in milliseconds. */
  sliceMs: number;
  /** Once aborted, no further slice runs, and the turn awaited is cancelled: nothing is left to keep the process alive. */
  signal?: AbortSignal;
  /** Milliseconds on a clock that only moves forward; tests pass their own. */
  monotonicMs?: () => number;
}

/**
 * Runs the steps of a long piece of work in slices of about `sliceMs`, each in a turn of the event
 * loop of its own, the first in the next turn: a request that arrives meanwhile waits for one
 * slice at most, not for the whole work. Resolves once the steps are over, or when `signal` is
 * aborted (the steps left are not run).
 */
export async function runInSlices(steps: Iterator<unknown>, options: SliceOptions): Promise<void> {
  const { sliceMs, signal, monotonicMs = () => performance.now() } = options;
  for (;;) {
    try {
      await nextTurn(undefined, { signal });
    } catch (error) {
      if (signal?.aborted) return;
      throw error;
    }
    const endMs = monotonicMs() + sliceMs;
    do {
      if (steps.next().done) return;
    } while (monotonicMs() < endMs);
  }
}
