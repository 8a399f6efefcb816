import type { z } from 'zod';
import type { PlatformName } from '../domain/asker.js';
import type { Reply } from '../reply/reply.js';
import { storedReply } from '../reply/reply-schema.js';
import { checkStoredJson, storedSchema } from '../store/stored-value.js';

/** Where a notice goes: a person's direct messages or a channel, on a chat platform. */
export interface NoticeRecipient {
  platform: PlatformName;
  kind: 'person' | 'channel';
  /** The person's or the channel's id on that platform. */
  id: string;
}

/** A notice waiting in the store for delivery, with how its delivery went so far. */
export interface QueuedNotice {
  /** Its number in the queue, in the order notices were queued. */
  id: number;
  recipient: NoticeRecipient;
  reply: Reply;
  /** When it was queued (epoch milliseconds). */
  queuedAt: number;
  /** Failed delivery attempts so far, and the last one's error. */
  attempts: number;
  lastError?: string;
}

/**
 * The newsletter's outbox, durable in the store (one implementation per backend, in src/store/):
 * notices the bot owes editors (a new item to review) and authors (a decision), written before the
 * person who acted is answered and kept until a process running the recipient's platform delivered
 * them. Several instances sharing a store each claim a notice before sending it, so that one of
 * them sends it.
 */
export interface NoticeQueue {
  /** Queues a notice; resolves once it is durably stored. */
  add(recipient: NoticeRecipient, reply: Reply, nowMs: number): Promise<void>;
  /**
   * Claims for `owner` up to `limit` notices to `platform` that are due (never tried, or their
   * back-off is over) and not claimed by another (or their claim's lease ran out), oldest first.
   * A claimed notice is hidden from other claimants for `leaseMs`.
   */
  claim(
    platform: NoticeRecipient['platform'],
    owner: string,
    nowMs: number,
    leaseMs: number,
    limit: number,
  ): Promise<QueuedNotice[]>;
  /** Removes a notice that was delivered, if `owner` still holds its claim. */
  delivered(notice: QueuedNotice, owner: string): Promise<void>;
  /** Records a failed attempt (if `owner` still holds the claim) and releases it until `retryAtMs`. */
  failed(notice: QueuedNotice, owner: string, error: string, retryAtMs: number): Promise<void>;
  /** Every notice waiting, oldest first. */
  list(): Promise<QueuedNotice[]>;
}

/** What the backends store of a notice beside its number (recipient, reply, attempts…), as JSON. */
export function noticeToJson(notice: Omit<QueuedNotice, 'id'>): string {
  const { recipient, reply, queuedAt, attempts, lastError } = notice;
  return JSON.stringify({ recipient, reply, queuedAt, attempts, ...(lastError === undefined ? {} : { lastError }) });
}

const storedNotice = storedSchema(async (z) => {
  const { platformName } = await import('../domain/asker.js');
  return z.object({
    recipient: z.object({
      platform: platformName,
      kind: z.enum(['person', 'channel']),
      id: z.string(),
    }),
    reply: storedReply(z),
    queuedAt: z.number(),
    attempts: z.number().int().nonnegative(),
    lastError: z.string().optional(),
  }) satisfies z.ZodType<Omit<QueuedNotice, 'id'>>;
});

/**
 * The notice stored as `json`. One that fails its schema is a StoredValueError naming it: the
 * sender logs it, and its claim holds it for a lease meanwhile, so the next pass delivers the
 * others; it is tried (and logged) again once the lease runs out, until it is mended or deleted.
 */
export async function noticeFromJson(id: number, json: string): Promise<QueuedNotice> {
  return { id, ...(await checkStoredJson(storedNotice, `notice #${id}`, json)) };
}

/** The notice after one more failed attempt. */
export function afterFailure(notice: QueuedNotice, error: string): QueuedNotice {
  return { ...notice, attempts: notice.attempts + 1, lastError: error };
}
