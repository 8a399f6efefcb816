/**
 * A closed-loop load: a fixed number of requests in flight, each answer sending the next, for a
 * fixed time. Each request is timed from its sending to its answer, in this process.
 */
import { percentile } from './percentiles.js';

/** Sends one request; the path calls `answered` when its answer arrives, `ok` false for a wrong one. */
export type SendRequest = (answered: (ok: boolean) => void) => void;

export interface LoadFigures {
  /** Answers per second that arrived within the measured time. */
  perSecond: number;
  p50: number;
  p99: number;
  /** Answers that were not the expected kind, and requests left unanswered after the grace time. */
  failures: number;
}

/** How long requests still in flight at the end may take to be answered before they count as failures. */
const GRACE_MS = 10_000;

export function keepInFlight(send: SendRequest, inFlight: number, seconds: number): Promise<LoadFigures> {
  return new Promise((resolve) => {
    const samples: number[] = [];
    let failures = 0;
    let outstanding = 0;
    const started = performance.now();
    const end = started + seconds * 1000;
    const finish = () => {
      clearTimeout(grace);
      resolve({
        perSecond: samples.length / seconds,
        p50: percentile(samples, 50),
        p99: percentile(samples, 99),
        failures: failures + outstanding,
      });
    };
    const sendOne = () => {
      const sentAt = performance.now();
      outstanding += 1;
      send((ok) => {
        outstanding -= 1;
        const now = performance.now();
        if (now <= end) {
          samples.push(now - sentAt);
          if (!ok) failures += 1;
          sendOne();
        } else if (outstanding === 0) {
          finish();
        }
      });
    };
    for (let i = 0; i < inFlight; i++) sendOne();
    // Answers arrive on later turns of the event loop: `finish` never runs before this is set.
    const grace = setTimeout(finish, seconds * 1000 + GRACE_MS);
  });
}
