import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { yearOn } from '../src/clock.js';

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
