import { DateTime } from 'luxon';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReminderSettings } from '../../src/catalog/schema.js';
import type { ChannelPoster } from '../../src/messaging/platform-adapter.js';
import { planReminders } from '../../src/reminders/plan.js';
import { ReminderJournal } from '../../src/reminders/reminder-journal.js';
import type { ReminderRunner, ReminderRunnerOptions, Timers } from '../../src/reminders/reminder-runner.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';
import { realKnowledgeBase } from '../support/test-bot.js';
import { SEOUL, testReminderRunner } from '../support/test-reminder-runner.js';
import { announceChange, waitFor } from '../support/wait-for.js';

// The runner's loop (start / stop), where the other tests drive single passes.

const SETTINGS: ReminderSettings = {
  offsets: ['P14D', 'P3D', 'P1D'],
  time: '09:00',
  targets: [{ platform: 'slack', channel: 'C-STEERING', languages: ['en'] }],
};

interface Posted {
  title: string;
  late: boolean;
}

function runnerWith(
  options: Partial<ReminderRunnerOptions> & Pick<ReminderRunnerOptions, 'clock'>,
  poster: ChannelPoster,
): Promise<ReminderRunner> {
  return testReminderRunner(SETTINGS, {
    posters: { slack: poster },
    journal: new ReminderJournal(memoryStore()),
    maxSleepMs: 10 * 60_000,
    ...options,
  });
}

/**
 * The (faked) global timers, counting those the runner armed and has not cleared nor seen fire:
 * vi.getTimerCount() would also count the timers of everything else in the worker.
 */
function countingTimers(): Timers & { armed(): number } {
  const armed = new Set<NodeJS.Timeout>();
  return {
    setTimeout(callback, ms) {
      const timer = setTimeout(() => {
        armed.delete(timer);
        callback();
      }, ms);
      armed.add(timer);
      return timer;
    },
    clearTimeout(timer) {
      if (timer) armed.delete(timer);
      clearTimeout(timer);
    },
    armed: () => armed.size,
  };
}

/** Lets pending promise callbacks run (setImmediate is not among the faked timers). */
async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the reminder loop', () => {
  it('runs again at once when a reminder fell due during a slow pass, and does not call it late', async () => {
    // 11 April 2019, 09:00: the 14-day reminder of the meeting of 25 April is due; the 3-day one is due on 22 April.
    let now = DateTime.fromISO('2019-04-11T09:00', { zone: SEOUL });
    const posted: Posted[] = [];
    const slowPoster: ChannelPoster = {
      async post(_channel, reply) {
        posted.push({ title: reply.title, late: reply.blocks.some((b) => b.type === 'note' && /late/.test(b.text)) });
        announceChange();
        // So slow that, when it returns, the next reminder (22 April, 09:00) has been due for 7 minutes (past the 5 of grace).
        if (posted.length === 1) now = DateTime.fromISO('2019-04-22T09:07', { zone: SEOUL });
      },
    };
    const runner = await runnerWith({ clock: () => now }, slowPoster);
    runner.start();
    try {
      // The clock stands still from here: without a pass at once, the next would be 10 minutes away.
      await waitFor(() => posted.length === 2, 'the second post');
      expect(posted).toEqual([
        { title: 'Reminder: Steering Committee, Q2 2019, in 14 days', late: false },
        { title: 'Reminder: Steering Committee, Q2 2019, in 3 days', late: false },
      ]);
    } finally {
      await runner.stop();
    }
  });

  it('sleeps until the next reminder once nothing fell due during the pass', async () => {
    const now = DateTime.fromISO('2019-04-22T08:59', { zone: SEOUL });
    const runner = await runnerWith({ clock: () => now }, { post: async () => {} });
    await runner.runDue();
    expect(await runner.msUntilNextWake()).toBe(60_000);
  });

  describe('stopped', () => {
    it('during the back-off between attempts: stops at once, records the attempt, and tries nothing more', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const now = DateTime.fromISO('2019-04-11T09:00', { zone: SEOUL });
      const store = memoryStore();
      let attempts = 0;
      const limited: ChannelPoster = {
        async post() {
          attempts += 1;
          throw Object.assign(new Error('slack answered 429'), { retryAfterMs: 60_000 });
        },
        wasPosted: async () => false,
      };
      const timers = countingTimers();
      const runner = await runnerWith(
        { clock: () => now, journal: new ReminderJournal(store), sleep: undefined, timers },
        limited,
      );
      runner.start();
      for (let i = 0; i < 100 && timers.armed() === 0; i++) await settle(1);
      expect(attempts).toBe(1); // and waiting a minute, on a timer that the test never advances
      await runner.stop();
      expect(timers.armed()).toBe(0);
      expect(attempts).toBe(1);
      expect((await new ReminderJournal(store).all())[0]!.record).toMatchObject({ status: 'failed', attempts: 1 });
    });

    it('while the next wake is being reckoned: arms no timer, and never plans again', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const now = DateTime.fromISO('2019-04-22T08:00', { zone: SEOUL });
      const kb = await realKnowledgeBase();
      let plans = 0;
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const timers = countingTimers();
      const runner = await runnerWith(
        {
          clock: () => now,
          timers,
          plan: async (from, to) => {
            plans += 1;
            if (plans === 2) await held; // the reckoning of the next wake, after the first pass
            return planReminders(kb, SETTINGS, SEOUL, from, to);
          },
        },
        { post: async () => {} },
      );
      runner.start();
      for (let i = 0; i < 100 && plans < 2; i++) await settle(1);
      expect(plans).toBe(2);
      const stopping = runner.stop();
      release();
      await stopping;
      await settle();
      expect(timers.armed()).toBe(0); // nothing would keep the process alive once the store is closed
      await vi.advanceTimersByTimeAsync(60 * 60_000);
      expect(plans).toBe(2);
    });

    it('while asleep between passes: the timer is cleared and no pass runs again', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const now = DateTime.fromISO('2019-04-22T08:00', { zone: SEOUL });
      const kb = await realKnowledgeBase();
      let plans = 0;
      const timers = countingTimers();
      const runner = await runnerWith(
        {
          clock: () => now,
          timers,
          plan: async (from, to) => {
            plans += 1;
            return planReminders(kb, SETTINGS, SEOUL, from, to);
          },
        },
        { post: async () => {} },
      );
      runner.start();
      for (let i = 0; i < 100 && timers.armed() === 0; i++) await settle(1);
      expect(timers.armed()).toBe(1);
      const planned = plans;
      await runner.stop();
      expect(timers.armed()).toBe(0);
      await vi.advanceTimersByTimeAsync(60 * 60_000);
      expect(plans).toBe(planned);
    });
  });
});
