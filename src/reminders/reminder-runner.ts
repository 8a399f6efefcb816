import { randomUUID } from 'node:crypto';
import type { DateTime } from 'luxon';
import type { ReminderTarget } from '../catalog/schema.js';
import type { Clock } from '../clock.js';
import { StoredValueError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { ChannelPoster } from '../messaging/platform-adapter.js';
import type { Reply } from '../reply/reply.js';
import type { PlannedReminder } from './plan.js';
import type { ReminderJournal, ReminderRecord } from './reminder-journal.js';

/** The timers the loop and its back-off arm. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): NodeJS.Timeout;
  clearTimeout(timer: NodeJS.Timeout | undefined): void;
}

export interface ReminderRunnerOptions {
  /** The reminders due in [from, to), from the current data (re-read on every pass). */
  plan(from: DateTime, to: DateTime): Promise<PlannedReminder[]>;
  render(reminder: PlannedReminder, late: boolean): Reply | Promise<Reply>;
  /** By platform name: how to post to that platform's channels. */
  posters: Readonly<Partial<Record<ReminderTarget['platform'], ChannelPoster>>>;
  journal: ReminderJournal;
  clock: Clock;
  logger: Logger;
  /** The global timers by default; tests pass ones that count what the runner left armed. */
  timers?: Timers;
  /** Waits, for back-off between attempts; tests pass one that returns at once. */
  sleep?(ms: number): Promise<void>;
  /** The longest sleep between passes: a long timer is never trusted, and data changes are picked up. */
  maxSleepMs?: number;
  /** How late a reminder may be and still count as on time. */
  graceMs?: number;
  attempts?: number;
  /** How long a claim holds before another process may take over the work of a dead one. */
  leaseMs?: number;
  /** How far back to look for reminders missed while the bot was down. */
  lookbackDays?: number;
}

/** When a pass began and, once it has, when it ended. */
interface PassSpan {
  began: DateTime;
  ended?: DateTime;
}

/** Looked up at each call, so that timers faked after the runner was made still apply. */
const GLOBAL_TIMERS: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (timer) => clearTimeout(timer),
};

const DEFAULTS = {
  maxSleepMs: 10 * 60_000,
  graceMs: 5 * 60_000,
  attempts: 5,
  leaseMs: 5 * 60_000,
  lookbackDays: 30,
  timers: GLOBAL_TIMERS,
};

/**
 * Posts each due reminder exactly once. A pass claims each due reminder in the store, posts it
 * (retrying with back-off), and records the outcome before moving on; a restart reads the record
 * and does not post again, and a second process sharing the store finds the claim taken.
 * Reminders missed while the bot was down are posted late (and say so) if their meeting has not
 * begun yet; otherwise they are skipped and logged.
 */
export class ReminderRunner {
  private readonly options: ReminderRunnerOptions & typeof DEFAULTS;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** The loop started last; a loop that is no longer it (stopped, or replaced by a new start) arms no timer. */
  private loopId: symbol | undefined;
  /** The loop's step under way (a pass, then the reckoning of the next wake): stop() waits for it. */
  private step: Promise<void> | undefined;
  /**
   * When the latest pass began (it settled what was due by then: what falls due later is the next
   * pass's work) and ended (a reminder that fell due in between waited for a busy bot, not a
   * stopped one: it is not late).
   */
  private lastPass: PassSpan | undefined;
  private pass: Promise<void> | undefined;
  /** Ends the back-off under way at once (stop() does, rather than wait it out). */
  private wakeEarly: (() => void) | undefined;

  constructor(options: ReminderRunnerOptions) {
    this.options = { ...DEFAULTS, ...options };
  }

  /**
   * Runs a pass now, then sleeps until the next reminder (never longer than maxSleepMs), and so
   * on; when a reminder fell due during a slow pass, the next pass runs at once.
   */
  start(): void {
    this.stopped = false;
    const id = Symbol('reminder loop');
    this.loopId = id;
    const loop = () => {
      this.timer = undefined;
      this.step = this.loopStep(id).then((wait) => {
        // Re-armed only by the loop still current: not after stop(), which may have closed the store.
        if (wait !== undefined && this.loopId === id) this.timer = this.options.timers.setTimeout(loop, wait);
      });
    };
    loop();
  }

  /**
   * Stops the loop and leaves no timer armed; resolves once the step under way (a pass recording
   * what it posted, or the reckoning of the next wake) has ended, so that the store can close.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    this.loopId = undefined;
    this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.wakeEarly?.();
    await this.step;
    await this.pass?.catch(() => {}); // a failed pass was logged where it failed
  }

  /** One pass, then how long to sleep; undefined once the loop is no longer current. */
  private async loopStep(id: symbol): Promise<number | undefined> {
    try {
      await this.runDue();
    } catch (error) {
      this.options.logger.error('reminder pass failed; will try again', { error });
    }
    if (this.loopId !== id) return undefined;
    return this.msUntilNextWake().catch(() => this.options.maxSleepMs);
  }

  /**
   * How long to sleep: until the next reminder after what the last pass covered (zero when one
   * fell due while that pass ran), capped.
   */
  async msUntilNextWake(): Promise<number> {
    const now = this.options.clock();
    const covered = this.lastPass?.began;
    const after = covered !== undefined && covered < now ? covered : now;
    const upcoming = await this.options.plan(after, now.plus({ milliseconds: this.options.maxSleepMs }));
    const next = upcoming.find((r) => r.at > after);
    return next ? Math.max(0, next.at.diff(now).as('milliseconds')) : this.options.maxSleepMs;
  }

  /** One pass: settles every reminder due by now that is not settled yet. Passes never overlap. */
  async runDue(): Promise<void> {
    this.pass ??= this.settleDue().finally(() => (this.pass = undefined));
    return this.pass;
  }

  private async settleDue(): Promise<void> {
    const { clock } = this.options;
    const now = clock();
    const previous = this.lastPass;
    const thisPass: PassSpan = { began: now };
    this.lastPass = thisPass;
    try {
      await this.settleDueAt(now, previous);
    } finally {
      thisPass.ended = clock();
    }
  }

  private async settleDueAt(now: DateTime, previous: PassSpan | undefined): Promise<void> {
    const { plan, lookbackDays, logger } = this.options;
    // A fresh claimant per pass: even a claim of this process's own earlier pass is not taken for ours.
    const owner = randomUUID();
    const due = await plan(now.minus({ days: lookbackDays }), now.plus({ milliseconds: 1 }));
    const unsettled: { reminder: PlannedReminder; earlier: ReminderRecord | undefined }[] = [];
    for (const reminder of due) {
      const earlier = await this.recordOf(reminder, now, previous);
      if (!isSettled(earlier)) unsettled.push({ reminder, earlier });
    }

    for (const { reminder, earlier } of unsettled) {
      if (this.stopped) return; // the rest stay unsettled, for the next start
      await this.settle(reminder, earlier, owner, now, previous);
    }
    // What an operator (and the end-to-end tests) can watch for: a pass that had work is over.
    if (due.length > 0)
      logger.info('reminder pass done', { due: due.length, alreadySettled: due.length - unsettled.length });
  }

  /** Claims one due reminder and posts it, or records it skipped when its meeting has begun. */
  private async settle(
    reminder: PlannedReminder,
    earlier: ReminderRecord | undefined,
    owner: string,
    now: DateTime,
    previous: PassSpan | undefined,
  ): Promise<void> {
    const { journal, logger } = this.options;
    const late = earlier?.late ?? this.isLate(reminder, now, previous);
    if (!(await this.claim(reminder, owner, now))) return;
    if (now >= reminder.meetingBegins) {
      // Missed while the bot was down, and the meeting has begun: a reminder is useless now.
      await journal.record(reminder.key, {
        status: 'skipped',
        due: iso(reminder.at),
        settledAt: iso(now),
        late,
        attempts: 0,
      });
      logger.warn('reminder skipped: it was due while the bot was not running and its meeting has begun', {
        reminder: reminder.key,
        due: iso(reminder.at),
      });
      return;
    }
    await this.post(reminder, late, now, earlier);
  }

  /**
   * Late means the bot was not running at its time: not a retry after a failed post (whose record
   * says whether it was late), nor one that fell due while the previous pass was busy.
   */
  private isLate(reminder: PlannedReminder, now: DateTime, previous: PassSpan | undefined): boolean {
    const fellDueWhileBusy =
      previous !== undefined && reminder.at > previous.began && reminder.at <= (previous.ended ?? now);
    return !fellDueWhileBusy && now.diff(reminder.at).as('milliseconds') > this.options.graceMs;
  }

  /**
   * The journal's record of a reminder. One that cannot be read (it fails its schema: edited by
   * hand, or written by another version) says nothing of whether the reminder went out: it is
   * taken as an attempt whose outcome was lost, so that the reminder is looked for in its channel
   * before it is posted, and goes out neither twice nor never.
   */
  private async recordOf(
    reminder: PlannedReminder,
    now: DateTime,
    previous: PassSpan | undefined,
  ): Promise<ReminderRecord | undefined> {
    try {
      return await this.options.journal.get(reminder.key);
    } catch (error) {
      if (!(error instanceof StoredValueError)) throw error;
      this.options.logger.warn('a reminder record in the store cannot be read; looking in the channel before posting', {
        reminder: reminder.key,
        key: error.key,
        problem: error.problem,
      });
      return {
        status: 'posting',
        due: iso(reminder.at),
        settledAt: iso(now),
        late: this.isLate(reminder, now, previous),
        attempts: 0,
      };
    }
  }

  private async claim(reminder: PlannedReminder, owner: string, now: DateTime): Promise<boolean> {
    const claimed = await this.options.journal.claim(reminder.key, owner, now.toMillis(), this.options.leaseMs);
    // Another process may have settled it between our read and our claim (an unreadable record settles nothing).
    return claimed && !isSettled(await this.options.journal.get(reminder.key).catch(nothingIfUnreadable));
  }

  private async post(
    reminder: PlannedReminder,
    late: boolean,
    now: DateTime,
    earlier: ReminderRecord | undefined,
  ): Promise<void> {
    const { journal, logger, posters, render, attempts } = this.options;
    const poster = posters[reminder.target.platform];
    const reply = await render(reminder, late);
    // An earlier attempt that died or failed may still have reached the channel.
    let uncertain = earlier?.status === 'posting' || earlier?.status === 'failed';
    let lastError: unknown;
    let tried = 0;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      tried = attempt;
      try {
        if (!poster) throw new Error(`no ${reminder.target.platform} connection is running`);
        if (uncertain && (await this.foundInChannel(poster, reminder, reply))) {
          await journal.record(reminder.key, {
            status: 'posted',
            due: iso(reminder.at),
            settledAt: iso(this.options.clock()),
            late,
            attempts: attempt - 1,
            foundInChannel: true,
          });
          logger.warn(
            'reminder found in its channel, posted by an attempt whose outcome was lost; not posting it again',
            { reminder: reminder.key },
          );
          return;
        }
        // Recorded first: should the process die during the post, the next attempt looks before posting.
        await journal.record(reminder.key, {
          status: 'posting',
          due: iso(reminder.at),
          settledAt: iso(now),
          late,
          attempts: attempt - 1,
        });
        uncertain = true;
        await poster.post(reminder.target.channel, reply, reminder.key);
        await journal.record(reminder.key, {
          status: 'posted',
          due: iso(reminder.at),
          settledAt: iso(this.options.clock()),
          late,
          attempts: attempt,
        });
        logger.info('reminder posted', { reminder: reminder.key, late });
        return;
      } catch (error) {
        lastError = error;
        // Once stopped, the store is about to close: the next start tries again (looking first).
        if (!poster || attempt === attempts || this.stopped) break;
        await this.sleep(backoffMs(attempt, error));
        if (this.stopped) break;
      }
    }
    // Recorded as failed, reported, and tried again on the next pass while the meeting is ahead.
    await journal.record(reminder.key, {
      status: 'failed',
      due: iso(reminder.at),
      settledAt: iso(now),
      late,
      attempts: tried,
      reason: String(lastError),
    });
    logger.error('reminder could not be posted; will try again on the next pass (see `gsef reminders --status`)', {
      reminder: reminder.key,
      target: reminder.target,
      error: lastError,
    });
  }

  /**
   * Whether the platform shows the reminder posted. Where it can never tell (the console), false:
   * it is posted again. Where the look fails, the attempt fails: never a post without a look.
   */
  private async foundInChannel(poster: ChannelPoster, reminder: PlannedReminder, reply: Reply): Promise<boolean> {
    if (!poster.wasPosted) return false;
    try {
      return await poster.wasPosted(reminder.target.channel, reply, reminder.key);
    } catch (error) {
      this.options.logger.warn(
        'could not read the channel to see whether a reminder was already posted; not posting it until a look succeeds',
        { reminder: reminder.key, error },
      );
      throw new Error(
        `could not look in ${reminder.target.platform} channel ${reminder.target.channel} for an earlier attempt: ${String(error)}`,
        { cause: error },
      );
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.options.sleep) return this.options.sleep(ms);
    return new Promise((resolve) => {
      const wake = () => {
        this.options.timers.clearTimeout(timer);
        this.wakeEarly = undefined;
        resolve();
      };
      const timer = this.options.timers.setTimeout(wake, ms);
      this.wakeEarly = wake;
    });
  }
}

/** 1 s, 2 s, 4 s … or what the platform asked for (Retry-After). */
function backoffMs(attempt: number, error: unknown): number {
  const asked = (error as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  return typeof asked === 'number' && asked > 0 ? asked : 1000 * 2 ** (attempt - 1);
}

/**
 * A failed reminder, or one whose post never reported back, is tried again on the next pass (once
 * its claim is free) as long as its meeting has not begun.
 */
function nothingIfUnreadable(error: unknown): undefined {
  if (error instanceof StoredValueError) return undefined;
  throw error;
}

function isSettled(record: ReminderRecord | undefined): boolean {
  return record?.status === 'posted' || record?.status === 'skipped';
}

function iso(instant: DateTime): string {
  return instant.toISO() ?? '';
}
