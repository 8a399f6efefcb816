import { ATTENDANCE_ANSWERS, type AttendanceAnswer } from '../domain/vocabulary.js';
import type { Logger } from '../logger.js';
import { storedPersonRef } from '../people/person-ref.js';
import type { PersonRef, RoleGrant } from '../people/roles.js';
import type { KeyValues } from '../store/store.js';
import { storedSchema } from '../store/stored-value.js';
import { RecordLog } from './record-log.js';

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

const storedRecord = storedSchema<AttendanceRecord>((z) => {
  const person = storedPersonRef(z);
  return z.strictObject({
    meeting: z.string().min(1).max(80),
    respondent: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('member'), member: z.string().min(1).max(80) }),
      z.strictObject({ kind: z.literal('advisor'), person }),
    ]),
    answer: z.enum(ATTENDANCE_ANSWERS),
    by: person,
    at: z.string().min(1).max(40),
  });
});

const PREFIX = 'attendance:';

/**
 * Who will attend each meeting. Every answer is a record of its own
 * (`attendance:<meeting>:<respondent>:…`, see RecordLog), never overwritten: two representatives
 * answering at once, or a button pressed twice, each add one, and every reader takes the same one
 * as current, the last written, with nothing lost in a race. The records are also the history the
 * secretariat exports.
 */
export class AttendanceBook {
  private readonly log: RecordLog<AttendanceRecord>;

  constructor(values: KeyValues, logger: Logger) {
    this.log = new RecordLog(values, storedRecord, logger);
  }

  /** Records `answer`, given by `by` for `respondent` at `at`; returns the answer it follows, if any. */
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
    await this.log.add(`${meetingPrefix(meeting)}${respondentKey(respondent)}:`, record);
    return previous ? { record, previous } : { record };
  }

  /** Each respondent's latest answer for `meeting`, in the order they first answered. */
  async current(meeting: string): Promise<AttendanceRecord[]> {
    const latest = new Map<string, AttendanceRecord>();
    for (const record of await this.history(meeting)) latest.set(respondentKey(record.respondent), record);
    return [...latest.values()];
  }

  /** Every answer given for `meeting`, in the order given. */
  async history(meeting: string): Promise<AttendanceRecord[]> {
    return (await this.log.read(meetingPrefix(meeting))).filter((record) => record.meeting === meeting);
  }
}

function meetingPrefix(meeting: string): string {
  return `${PREFIX}${encodeURIComponent(meeting)}:`;
}
