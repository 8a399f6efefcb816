import { randomUUID } from 'node:crypto';
import { ATTENDANCE_ANSWERS, type AttendanceAnswer } from '../domain/vocabulary.js';
import type { Logger } from '../logger.js';
import type { PersonRef, RoleGrant } from '../people/roles.js';
import type { KeyValues } from '../store/store.js';
import { readableEntries, storedSchema } from '../store/stored-value.js';

/**
 * Whom an answer speaks for: a member organisation (any of its representatives answers for it, and
 * its latest answer counts) or an advisor, who answers for themselves.
 */
export type Respondent = { kind: 'member'; member: string } | { kind: 'advisor'; person: PersonRef };

/** One answer, as given: for which meeting and whom, what, by whom, and when (an ISO instant in UTC). */
export interface AttendanceRecord {
  meeting: string;
  respondent: Respondent;
  answer: AttendanceAnswer;
  by: PersonRef;
  at: string;
}

/**
 * Whom `grants` let a person answer for: the member they represent, else themselves as an advisor,
 * else nobody (the secretariat organises the meeting; editors and authors do not sit on it).
 */
export function respondentOf(person: PersonRef, grants: readonly RoleGrant[]): Respondent | undefined {
  const represented = grants.find((g) => g.role === 'representative' && g.member !== undefined)?.member;
  if (represented !== undefined) return { kind: 'member', member: represented };
  return grants.some((g) => g.role === 'advisor') ? { kind: 'advisor', person } : undefined;
}

/** The same member, or the same advisor, gives the same key. Ids are encoded: a console name may hold a colon. */
export function respondentKey(respondent: Respondent): string {
  return respondent.kind === 'member'
    ? `member:${respondent.member}`
    : `advisor:${respondent.person.platform}:${encodeURIComponent(respondent.person.id)}`;
}

/**
 * What the store keeps: the record and its place in the order of answers. The bot's clock says when
 * an answer was given (a clock pinned with --now gives every answer the same instant); the order
 * is the machine's time of writing and a count within the process, so that of two answers the one
 * written later is the latest.
 */
interface StoredRecord extends AttendanceRecord {
  order: string;
}

const storedRecord = storedSchema<StoredRecord>((z) => {
  const person = z.strictObject({ platform: z.string().min(1).max(32), id: z.string().min(1).max(200) });
  return z.strictObject({
    meeting: z.string().min(1).max(80),
    respondent: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('member'), member: z.string().min(1).max(80) }),
      z.strictObject({ kind: z.literal('advisor'), person }),
    ]),
    answer: z.enum(ATTENDANCE_ANSWERS),
    by: person,
    at: z.string().min(1).max(40),
    order: z.string().min(1).max(40),
  });
});

let written = 0;

/** Sorts as written: milliseconds since 1970 and a count within this process, each of fixed width. */
function writingOrder(): string {
  written = (written + 1) % 1_000_000;
  return `${String(Date.now()).padStart(15, '0')}.${String(written).padStart(6, '0')}`;
}

const PREFIX = 'attendance:';

/**
 * Who will attend each meeting. Every answer is kept under a key of its own
 * (`attendance:<meeting>:<respondent>:<order>:<random>`), never overwritten: two representatives
 * answering at once, or a button pressed twice, each add a record, and every reader takes the same
 * one as current, the last written (by order, then key), on every backend, with nothing to lose in
 * a race. The records are also the history the secretariat exports.
 */
export class AttendanceBook {
  constructor(
    private readonly values: KeyValues,
    private readonly logger: Logger,
  ) {}

  /** Records `answer`, given by `by` for `respondent` at `at` (a Date); returns the answer it follows, if any. */
  async answer(
    meeting: string,
    respondent: Respondent,
    answer: AttendanceAnswer,
    by: PersonRef,
    at: Date,
  ): Promise<{ record: AttendanceRecord; previous?: AttendanceRecord }> {
    const previous = (await this.current(meeting)).find(
      (r) => respondentKey(r.respondent) === respondentKey(respondent),
    );
    const record: AttendanceRecord = { meeting, respondent, answer, by, at: at.toISOString() };
    const stored: StoredRecord = { ...record, order: writingOrder() };
    await this.values.set(
      `${meetingPrefix(meeting)}${respondentKey(respondent)}:${stored.order}:${randomUUID()}`,
      stored,
    );
    return previous ? { record, previous } : { record };
  }

  /** Each respondent's latest answer for `meeting`, in the order they first answered. */
  async current(meeting: string): Promise<AttendanceRecord[]> {
    const latest = new Map<string, AttendanceRecord>();
    for (const record of await this.history(meeting)) latest.set(respondentKey(record.respondent), record);
    return [...latest.values()];
  }

  /** Every answer given for `meeting`, oldest first. */
  async history(meeting: string): Promise<AttendanceRecord[]> {
    const entries = await readableEntries(this.values.entries(meetingPrefix(meeting)), storedRecord, this.logger);
    return entries
      .filter((e) => e.value.meeting === meeting)
      .sort((a, b) => compare(a.value.order, b.value.order) || compare(a.key, b.key))
      .map(({ value: { order: _order, ...record } }) => record);
  }
}

function meetingPrefix(meeting: string): string {
  return `${PREFIX}${encodeURIComponent(meeting)}:`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
