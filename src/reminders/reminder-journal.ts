import type { z } from 'zod';
import type { Store } from '../store/store.js';
import { checkStored, storedSchema } from '../store/stored-value.js';

/** What became of a reminder, recorded in the store before the runner moves on. */
export interface ReminderRecord {
  /** `posting`: a post was begun and its outcome is not known yet (or never was: the process died). */
  status: 'posted' | 'failed' | 'skipped' | 'posting';
  /** When it was due (ISO). */
  due: string;
  /** When the runner settled it (ISO). */
  settledAt: string;
  late: boolean;
  attempts: number;
  reason?: string;
  /** Posted by an earlier attempt whose outcome was lost, and found in the channel instead of posted again. */
  foundInChannel?: boolean;
}

const storedRecord = storedSchema(
  (z) =>
    z.object({
      status: z.enum(['posted', 'failed', 'skipped', 'posting']),
      due: z.string(),
      settledAt: z.string(),
      late: z.boolean(),
      attempts: z.number().int().nonnegative(),
      reason: z.string().optional(),
      foundInChannel: z.boolean().optional(),
    }) satisfies z.ZodType<ReminderRecord>,
);

const PREFIX = 'reminder:';

/**
 * The reminders' journal in the store: which were posted (so that a restart never posts them
 * again), which failed, and the claims that keep two processes from posting the same one. A
 * record that fails its schema is a StoredValueError: whether its reminder was posted is not
 * known, and the caller decides what that means.
 */
export class ReminderJournal {
  constructor(private readonly store: Pick<Store, 'values' | 'claims'>) {}

  async get(key: string): Promise<ReminderRecord | undefined> {
    return this.store.values.get(PREFIX + key, storedRecord);
  }

  async record(key: string, record: ReminderRecord): Promise<void> {
    await this.store.values.set(PREFIX + key, record);
  }

  claim(key: string, owner: string, nowMs: number, leaseMs: number): Promise<boolean> {
    return this.store.claims.claim(PREFIX + key, owner, nowMs, leaseMs);
  }

  /** Every record, for `gsef reminders --status`. */
  async all(): Promise<{ key: string; record: ReminderRecord }[]> {
    const records: { key: string; record: ReminderRecord }[] = [];
    for await (const { key, value } of this.store.values.entries(PREFIX))
      records.push({ key: key.slice(PREFIX.length), record: await checkStored(storedRecord, key, value) });
    return records.sort((a, b) => a.record.due.localeCompare(b.record.due));
  }
}
