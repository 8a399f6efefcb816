import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { clockMillis, fixedClock, runningClockFrom, systemClock, yearOn, type Clock } from '../src/clock.js';

describe('yearOn', () => {
  it("follows the clock into the next year at the zone's midnight, not UTC's", () => {
    let now = DateTime.fromISO('2026-12-31T14:59:59Z');
    const year = yearOn(() => now, 'Asia/Seoul');
    expect(year()).toBe(2026);
    now = DateTime.fromISO('2026-12-31T15:00:00Z'); // midnight in Seoul
    expect(year()).toBe(2027);
    now = DateTime.fromISO('2026-06-01T00:00:00Z'); // a clock set back
    expect(year()).toBe(2026);
  });
});

describe('clockMillis', () => {
  it('reads the instant each clock gives, in epoch milliseconds, with or without its own reading', () => {
    const instant = DateTime.fromISO('2019-05-10T09:30:00', { zone: 'Asia/Seoul' });
    let elapsed = 0;
    const running = runningClockFrom(instant, () => elapsed);
    elapsed = 1234.5;
    const bare: Clock = () => instant;
    for (const clock of [fixedClock(instant), running, bare]) expect(clockMillis(clock)).toBe(clock().toMillis());
    expect(clockMillis(running)).toBe(instant.toMillis() + 1234.5);
    const before = Date.now();
    const now = clockMillis(systemClock);
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(systemClock().toMillis());
  });
});
