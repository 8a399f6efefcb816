import { EventEmitter } from 'node:events';
import { setTimeout as pause } from 'node:timers/promises';
import { TestRunner } from 'vitest';

/**
 * How tests wait: for what they expect to observe, never for a fixed time. A wait has no deadline
 * of its own: the running test's timeout is the one deadline (generous, so that a busy machine is
 * only slower), and when it runs out the test's timeout error names what was still awaited.
 */

const changes = new EventEmitter().setMaxListeners(0);

/**
 * Whatever a test may wait on calls this each time it records something new: the fake Slack and
 * Discord servers on every request, frame and connection, the recording loggers on every line, the
 * child processes on every chunk of output. A `waitFor` condition must read nothing else.
 */
export function announceChange(): void {
  changes.emit('change');
}

/**
 * Resolves with what `find` returns once that is neither undefined, null nor false: checked at
 * once, then after each announced change. `what` names it when the test times out first.
 */
export function waitFor<T>(find: () => T | undefined | null | false, what: string): Promise<T> {
  const end = testEnd(what);
  return new Promise<T>((resolve, reject) => {
    const settle = (outcome: () => void) => {
      changes.off('change', check);
      end.release();
      outcome();
    };
    const check = () => {
      if (end.reason()) return settle(() => reject(end.reason()));
      try {
        const found = find();
        if (found !== undefined && found !== null && found !== false) settle(() => resolve(found));
      } catch (error) {
        settle(() => reject(error));
      }
    };
    changes.on('change', check);
    end.onEnd(check);
    check();
  });
}

/** How often `pollUntil` looks again: only how soon a change is seen depends on it, never an outcome. */
const POLL_INTERVAL_MS = 20;

/**
 * For state that announces nothing (a row in a store): resolves with what `check` returns once that
 * is neither undefined, null nor false, looking again every few milliseconds until the test ends.
 */
export async function pollUntil<T>(check: () => Promise<T | undefined | null | false>, what: string): Promise<T> {
  const end = testEnd(what);
  try {
    for (;;) {
      const found = await check();
      if (found !== undefined && found !== null && found !== false) return found;
      await pause(POLL_INTERVAL_MS);
      const reason = end.reason();
      if (reason) throw reason;
    }
  } finally {
    end.release();
  }
}

interface TestEnd {
  /** Why waiting is over (the test timed out or finished), or undefined while it runs. */
  reason(): unknown;
  /** Calls `action` when the test times out. */
  onEnd(action: () => void): void;
  release(): void;
}

/** The end of the running test, for a wait for `what`; a timeout's error then names `what`. */
function testEnd(what: string): TestEnd {
  const test = TestRunner.getCurrentTest();
  if (!test) throw new Error(`waiting for ${what} outside a test: only a test's timeout can end a wait`);
  const { signal } = test.context;
  const actions: (() => void)[] = [];
  const timedOut = () => {
    // The timeout's error is reported after its signal is aborted: this way it says what was awaited.
    if (signal.reason instanceof Error) signal.reason.message += `\n(still waiting for ${what})`;
    for (const action of actions) action();
  };
  signal.addEventListener('abort', timedOut, { once: true });
  return {
    reason: () => {
      if (signal.aborted) return signal.reason;
      if (test.result?.state !== 'run') return new Error(`the test ended while waiting for ${what}`);
      return undefined;
    },
    onEnd: (action) => actions.push(action),
    release: () => signal.removeEventListener('abort', timedOut),
  };
}
