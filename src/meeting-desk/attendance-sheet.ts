import type { KnowledgeBase } from '../domain/knowledge-base.js';
import type { RoleBook } from '../people/roles.js';
import { respondentKey, type AttendanceBook, type AttendanceRecord, type Respondent } from './attendance.js';

/** The participants table's group whose members answer for a steering-committee meeting (meetings.yaml). */
const STEERING_COMMITTEE_GROUP = 'steering-committee';

/** One line of the sheet: whom it is for, and their latest answer if they gave one. */
export interface SheetRow {
  respondent: Respondent;
  record?: AttendanceRecord;
}

/**
 * Who is expected at a steering-committee meeting and what each answered: the committee's member
 * organisations in the data's order, then the people who hold the advisor role, then anyone else
 * who answered (a member organisation outside the committee, an advisor whose role was taken back).
 */
export async function attendanceSheet(
  kb: Pick<KnowledgeBase, 'catalog'>,
  attendance: AttendanceBook,
  people: Pick<RoleBook, 'all'>,
  meeting: string,
): Promise<SheetRow[]> {
  const [records, grants] = await Promise.all([attendance.current(meeting), people.all()]);
  const members = kb.catalog.meetings.steeringCommittee.participants.find((g) => g.id === STEERING_COMMITTEE_GROUP);
  const expected: Respondent[] = [
    ...(members?.members ?? []).map((member): Respondent => ({ kind: 'member', member })),
    ...grants.filter((g) => g.role === 'advisor').map((g): Respondent => ({ kind: 'advisor', person: g.person })),
  ];
  const rows = new Map<string, SheetRow>(expected.map((respondent) => [respondentKey(respondent), { respondent }]));
  for (const record of records) rows.set(respondentKey(record.respondent), { respondent: record.respondent, record });
  return [...rows.values()];
}
