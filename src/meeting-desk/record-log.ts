import { randomUUID } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { KeyValues } from '../store/store.js';
import { readableEntries, storedSchema, type StoredSchema, type ZodStoredSchema } from '../store/stored-value.js';

/** A record as kept: in an envelope with its place in the order of writing. */
interface Kept<T> {
  order: string;
  record: T;
}

let written = 0;

/**
 * Sorts as written: milliseconds since 1970 and a count within this process, each of fixed width.
 * The bot's clock is not used: pinned with --now, it gives every record the same instant.
 */
function writingOrder(): string {
  written = (written + 1) % 1_000_000;
  return `${String(Date.now()).padStart(15, '0')}.${String(written).padStart(6, '0')}`;
}

/**
 * Records kept each under a key of its own (`<prefix><order>:<random>`), never overwritten: two
 * written at once are both kept, on every backend, so nothing is lost in a race, and whoever reads
 * them gets them in the same order, the order of writing (then the key, an arbitrary but shared
 * tie-break between two processes in the same millisecond). What counts as current is the reader's
 * to say: the latest, usually. A record that its schema refuses is left out with a warning.
 */
export class RecordLog<T> {
  private readonly kept: StoredSchema<Kept<T>>;

  constructor(
    private readonly values: KeyValues,
    schema: ZodStoredSchema<T>,
    private readonly logger: Logger,
  ) {
    this.kept = storedSchema(async (z) => z.strictObject({ order: z.string().min(1).max(40), record: await schema() }));
  }

  async add(prefix: string, record: T): Promise<void> {
    const order = writingOrder();
    await this.values.set(`${prefix}${order}:${randomUUID()}`, { order, record } satisfies Kept<T>);
  }

  /** The records under `prefix`, in the order they were written. */
  async read(prefix: string): Promise<T[]> {
    const entries = await readableEntries(this.values.entries(prefix), this.kept, this.logger);
    return entries
      .sort((a, b) => compare(a.value.order, b.value.order) || compare(a.key, b.key))
      .map((e) => e.value.record);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
