import { describe, expect, it } from 'vitest';
import { keepInFlight, type SendRequest } from '../../bench/in-flight-load.js';

/** A path that answers each request on the next turn of the event loop, wrongly every `wrongEvery`-th one. */
function loopbackPath(wrongEvery = Infinity) {
  const seen = { sent: 0, outstanding: 0, mostOutstanding: 0 };
  const send: SendRequest = (answered) => {
    seen.sent += 1;
    seen.outstanding += 1;
    seen.mostOutstanding = Math.max(seen.mostOutstanding, seen.outstanding);
    const ok = seen.sent % wrongEvery !== 0;
    setImmediate(() => {
      seen.outstanding -= 1;
      answered(ok);
    });
  };
  return { send, seen };
}

describe('keepInFlight', () => {
  it('keeps exactly N requests in flight, each answer sending the next, and counts the answers of the measured time', async () => {
    const { send, seen } = loopbackPath();
    const figures = await keepInFlight(send, 7, 0.1);
    expect(seen.mostOutstanding).toBe(7);
    expect(seen.outstanding).toBe(0);
    // Each answer counted sent one more request; the last 7, answered after the end, are not counted.
    const counted = Math.round(figures.perSecond * 0.1);
    expect(counted).toBeGreaterThan(7);
    expect(counted).toBe(seen.sent - 7);
    expect(figures.failures).toBe(0);
    expect(figures.p50).toBeGreaterThan(0);
    expect(figures.p99).toBeGreaterThanOrEqual(figures.p50);
  });

  it('counts wrong answers as failures', async () => {
    const { send } = loopbackPath(2);
    const figures = await keepInFlight(send, 1, 0.05);
    // One request at a time, every second one answered wrongly: half of those answered in the measured time.
    const counted = Math.round(figures.perSecond * 0.05);
    expect(counted).toBeGreaterThan(2);
    expect(figures.failures).toBe(Math.floor(counted / 2));
  });
});
