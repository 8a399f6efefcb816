import { randomUUID } from 'node:crypto';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { z } from 'zod';
import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { Claims } from '../../store/claims.js';

/** Where the claims on Events API deliveries live in the store, by event_id. */
export const EVENT_CLAIM_PREFIX = 'slack-event:';

export interface RepeatedEventsOptions {
  /**
   * How long a claim on an event being handled holds: longer than any handler takes, shorter
   * than the wait before Slack's last retry (about 5 minutes), so that a delivery whose handler
   * died with its process is handled by a later retry.
   */
  leaseMs: number;
  /** How long a handled event is remembered: Slack stops retrying within minutes. */
  keepMs: number;
  /** How often, at most, this process deletes the claims no one holds any longer. */
  sweepEveryMs: number;
}

/** Where deliveries are claimed: the store every instance shares, and the clock the claims are reckoned by. */
export interface EventClaims {
  claims: Claims;
  clock: Clock;
}

const DEFAULTS: RepeatedEventsOptions = { leaseMs: 3 * 60_000, keepMs: 60 * 60_000, sweepEveryMs: 10 * 60_000 };

/** An Events API delivery, over HTTP or Socket Mode: what identifies it across Slack's retries. */
const delivery = z.object({ type: z.literal('event_callback'), event_id: z.string().min(1).max(200) });

/**
 * Bolt middleware that lets each Events API event through once, however often Slack delivers it:
 * Slack delivers again (`X-Slack-Retry-Num` over HTTP, `retry_attempt` in Socket Mode, the same
 * `event_id`) when it did not see the acknowledgement in time, and every instance sharing the
 * store must agree on who handles it. A delivery claims its event_id in the store for a lease,
 * and on success holds the claim on for `keepMs`: a repeat that finds the claim held (handled, or
 * being handled) is dropped; one that finds it lapsed (its handler died) handles the event.
 * Slash commands and interactions carry no event_id and are not retried by Slack: they pass.
 */
export function dropRepeatedEvents(
  { claims, clock }: EventClaims,
  logger: Logger,
  options: Partial<RepeatedEventsOptions> = {},
): Middleware<AnyMiddlewareArgs> {
  const { leaseMs, keepMs, sweepEveryMs } = { ...DEFAULTS, ...options };
  let nextSweepMs = -Infinity;

  return async ({ body, context, next }) => {
    const eventId = delivery.safeParse(body).data?.event_id;
    if (eventId === undefined) return next();
    const key = EVENT_CLAIM_PREFIX + eventId;
    const owner = randomUUID();
    const now = clock().toMillis();
    let claimed: boolean;
    try {
      claimed = await claims.claim(key, owner, now, leaseMs);
    } catch (error) {
      // Better an answer twice than none: the store cannot tell, so this delivery is handled.
      logger.warn('could not check in the store whether a Slack event was already handled; handling it', {
        eventId,
        error,
      });
      return next();
    }
    if (!claimed) {
      logger.info('Slack event already handled or being handled; repeat dropped', {
        eventId,
        retryNum: context.retryNum,
        retryReason: context.retryReason,
      });
      return;
    }
    await next();
    try {
      // A claim renewed "at" a later instant holds until that instant plus the lease.
      await claims.claim(key, owner, now + keepMs, leaseMs);
      if (now >= nextSweepMs) {
        nextSweepMs = now + sweepEveryMs;
        // Only claims long lapsed: none that a late retry could be taking over at this moment.
        await claims.forget(EVENT_CLAIM_PREFIX, now - leaseMs - keepMs);
      }
    } catch (error) {
      logger.warn('could not record in the store that a Slack event was handled; a repeat may be handled again', {
        eventId,
        error,
      });
    }
  };
}
