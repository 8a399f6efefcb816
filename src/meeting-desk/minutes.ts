import type { Logger } from '../logger.js';
import { storedPersonRef } from '../people/person-ref.js';
import type { PersonRef } from '../people/roles.js';
import type { KeyValues } from '../store/store.js';
import { storedSchema } from '../store/stored-value.js';
import { RecordLog } from './record-log.js';

/** The outcome of a meeting as the secretariat recorded it: a link to the minutes, or their text. */
export interface MinutesRecord {
  meeting: string;
  /** Cleaned as news is (no mentions that ping, no invisible characters). */
  text: string;
  by: PersonRef;
  /** An ISO instant in UTC. */
  at: string;
}

/** At most this many characters of minutes in chat: longer minutes belong in a document, given by its link. */
export const MAX_MINUTES_LENGTH = 2_000;

const storedMinutes = storedSchema<MinutesRecord>((z) =>
  z.strictObject({
    meeting: z.string().min(1).max(80),
    text: z.string().min(1).max(MAX_MINUTES_LENGTH),
    by: storedPersonRef(z),
    at: z.string().min(1).max(40),
  }),
);

const PREFIX = 'minutes:';

/**
 * The minutes of each meeting. Every recording is kept (`minutes:<meeting>:…`, see RecordLog):
 * the latest counts, the earlier ones stay as the record of who wrote what when, and two
 * recordings at once are both kept, the one written last counting for everyone.
 */
export class MinutesBook {
  private readonly log: RecordLog<MinutesRecord>;

  constructor(values: KeyValues, logger: Logger) {
    this.log = new RecordLog(values, storedMinutes, logger);
  }

  async record(meeting: string, text: string, by: PersonRef, at: Date): Promise<MinutesRecord> {
    const record: MinutesRecord = { meeting, text, by, at: at.toISOString() };
    await this.log.add(meetingPrefix(meeting), record);
    return record;
  }

  /** The minutes of `meeting` as last recorded, if any. */
  async of(meeting: string): Promise<MinutesRecord | undefined> {
    return (await this.log.read(meetingPrefix(meeting))).filter((r) => r.meeting === meeting).at(-1);
  }

  /** The ids of the meetings that have minutes. */
  async meetingsWithMinutes(): Promise<ReadonlySet<string>> {
    return new Set((await this.log.read(PREFIX)).map((r) => r.meeting));
  }
}

function meetingPrefix(meeting: string): string {
  return `${PREFIX}${encodeURIComponent(meeting)}:`;
}
