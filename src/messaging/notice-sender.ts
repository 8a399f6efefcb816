import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { NoticeQueue, QueuedNotice } from '../news/notice-queue.js';
import type { PlatformName } from '../domain/asker.js';
import type { PlatformAdapter } from './platform-adapter.js';

export interface NoticeSenderOptions {
  /** How often the store is looked at for notices queued by other processes (a console, another instance). */
  pollMs: number;
  /** How long a claim on one notice holds: longer than one delivery may take, retries included. */
  leaseMs: number;
  /** The wait after a first failed attempt, doubled after each failure up to `maxRetryMs`. */
  firstRetryMs: number;
  maxRetryMs: number;
}

const DEFAULTS: NoticeSenderOptions = {
  pollMs: 5_000,
  leaseMs: 5 * 60_000,
  firstRetryMs: 5_000,
  maxRetryMs: 60 * 60_000,
};

/**
 * Delivers the outbox's notices in the background, for the platforms running in this process:
 * claims one notice at a time (so that an instance sharing the store never sends it too), sends
 * it, and removes it; a failed attempt is recorded and tried again after a back-off, until it is
 * delivered. A crash between sending and removing sends it again once the claim's lease runs out:
 * a notice is delivered at least once, and once unless that happens.
 */
export class NoticeSender {
  private readonly options: NoticeSenderOptions;
  /** A claimant per process: a claim this process left before a restart is not taken for its own. */
  private readonly owner = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private started = false;
  private stopped = false;
  private wokenDuringPass = false;

  constructor(
    private readonly notices: NoticeQueue,
    private readonly adapters: ReadonlyMap<PlatformName, PlatformAdapter>,
    private readonly logger: Logger,
    options: Partial<NoticeSenderOptions> = {},
    // Leases and back-off are about real time, not the bot's calendar (which GSEF_NOW may pin).
    private readonly nowMs: () => number = Date.now,
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Starts delivering now and every `pollMs`; starting again changes nothing. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /** A notice was just queued here: delivers it now rather than at the next poll. */
  wake(): void {
    if (!this.started || this.stopped) return;
    if (this.pass) this.wokenDuringPass = true;
    else this.schedule(0);
  }

  /** Stops; resolves once a delivery under way has been recorded (so the store can close). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.pass;
  }

  /** Sends every due notice to a platform running here. Passes never overlap. */
  async sendDue(): Promise<void> {
    this.pass ??= this.sendEach().finally(() => (this.pass = undefined));
    return this.pass;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.loop(), ms);
    // Waiting for the next poll must not keep a process alive that has nothing else to do.
    this.timer.unref();
  }

  private async loop(): Promise<void> {
    this.wokenDuringPass = false;
    try {
      await this.sendDue();
    } catch (error) {
      this.logger.warn('could not read the outbox; will try again', { error });
    }
    if (!this.stopped) this.schedule(this.wokenDuringPass ? 0 : this.options.pollMs);
  }

  private async sendEach(): Promise<void> {
    for (const [platform, adapter] of this.adapters) {
      if (adapter.delivery !== 'queued') continue;
      while (!this.stopped) {
        const [notice] = await this.notices.claim(platform, this.owner, this.nowMs(), this.options.leaseMs, 1);
        if (!notice) break;
        await this.send(notice, adapter);
      }
    }
  }

  private async send(notice: QueuedNotice, adapter: PlatformAdapter): Promise<void> {
    const { recipient, reply } = notice;
    try {
      await (recipient.kind === 'person' ? adapter.sendDirect(recipient.id, reply) : adapter.post(recipient.id, reply));
    } catch (error) {
      const retryInMs = Math.min(this.options.firstRetryMs * 2 ** notice.attempts, this.options.maxRetryMs);
      this.logger.error('could not deliver a notice; will try again', {
        notice: notice.id,
        recipient,
        attempts: notice.attempts + 1,
        retryInMs,
        error,
      });
      await this.notices.failed(
        notice,
        this.owner,
        error instanceof Error ? error.message : String(error),
        this.nowMs() + retryInMs,
      );
      return;
    }
    await this.notices.delivered(notice, this.owner);
  }
}
