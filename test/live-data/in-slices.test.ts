import { describe, expect, it } from 'vitest';
import { runInSlices } from '../../src/live-data/in-slices.js';

/** The immediates pending in this process: what keeps the event loop turning. */
const immediates = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Immediate').length;

/**
 * `count` steps of 2 ms each on a clock of their own, each noting the turn of the event loop it
 * ran in: a chain of immediates, started first, counts the turns (one runs in each turn, before the slice).
 */
function timedSteps(count: number) {
  let clockMs = 0;
  let turn = 0;
  let counting = setImmediate(function next() {
    turn += 1;
    counting = setImmediate(next);
  });
  const turns: number[] = [];
  function* steps() {
    for (let i = 0; i < count; i++) {
      clockMs += 2;
      turns.push(turn);
      yield;
    }
  }
  return {
    steps: steps(),
    turns,
    monotonicMs: () => clockMs,
    /** How many steps ran in each turn, in order. */
    slices: () => {
      const perTurn = new Map<number, number>();
      for (const t of turns) perTurn.set(t, (perTurn.get(t) ?? 0) + 1);
      return [...perTurn.values()];
    },
    stop: () => clearImmediate(counting),
  };
}

describe('runInSlices', () => {
  it('runs steps until a slice has lasted its time, then lets the event loop turn, the first slice in the next turn', async () => {
    const timed = timedSteps(10);
    try {
      const done = runInSlices(timed.steps, { sliceMs: 5, monotonicMs: timed.monotonicMs });
      expect(timed.turns).toEqual([]);
      await done;
      // 2 ms a step: a slice of 5 ms is over after its third step (6 ms).
      expect(timed.slices()).toEqual([3, 3, 3, 1]);
    } finally {
      timed.stop();
    }
  });

  it('stopped between two slices, runs no further step and leaves no immediate pending', async () => {
    const timed = timedSteps(10);
    const stopping = new AbortController();
    try {
      const done = runInSlices(timed.steps, {
        sliceMs: 5,
        monotonicMs: timed.monotonicMs,
        signal: stopping.signal,
      });
      // Queued after the first slice's turn was: runs in that turn, after the slice, which has queued the next.
      const pendingWhenStopped = await new Promise<[number, number]>((resolve) =>
        setImmediate(() => {
          const before = immediates();
          stopping.abort();
          resolve([before, immediates()]);
        }),
      );
      expect(pendingWhenStopped[1]).toBe(pendingWhenStopped[0] - 1);
      await done;
      await new Promise((resolve) => setImmediate(resolve));
      expect(timed.turns).toHaveLength(3);
    } finally {
      timed.stop();
    }
  });

  it('stopped before it begins, runs no step', async () => {
    const timed = timedSteps(3);
    try {
      await runInSlices(timed.steps, { sliceMs: 5, monotonicMs: timed.monotonicMs, signal: AbortSignal.abort() });
      expect(timed.turns).toEqual([]);
    } finally {
      timed.stop();
    }
  });
});
