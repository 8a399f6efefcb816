import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { AttendanceBook, respondentOf, type Respondent } from '../../src/meeting-desk/attendance.js';
import type { RoleGrant } from '../../src/people/roles.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';

const ana = { platform: 'slack', id: 'U0123ABCD' };
const bo = { platform: 'discord', id: '123456789012345678' };
const seoul: Respondent = { kind: 'member', member: 'city-of-seoul' };
const AT = new Date('2026-12-01T01:00:00.000Z');

function grant(role: RoleGrant['role'], member?: string): RoleGrant {
  return { person: ana, role, ...(member ? { member } : {}), grantedBy: 'console:secretariat' };
}

function recordingLogger() {
  const lines: string[] = [];
  return { lines, logger: createLogger('warn', (line) => lines.push(line)) };
}

describe('whom a person answers for', () => {
  it('a representative for their member, else an advisor for themselves, else nobody', () => {
    expect(respondentOf(ana, [grant('editor'), grant('representative', 'city-of-seoul'), grant('advisor')])).toEqual(
      seoul,
    );
    expect(respondentOf(ana, [grant('advisor')])).toEqual({ kind: 'advisor', person: ana });
    for (const role of ['secretariat', 'editor', 'author'] as const)
      expect(respondentOf(ana, [grant(role, role === 'author' ? 'city-of-seoul' : undefined)])).toBeUndefined();
    expect(respondentOf(ana, [])).toBeUndefined();
  });
});

describe('the attendance book', () => {
  it('takes the last answer written as current, even at one instant (a clock pinned with --now)', async () => {
    const book = new AttendanceBook(memoryStore().values, createLogger('error'));
    const first = await book.answer('sc-2027-q1', seoul, 'yes', ana, AT);
    expect(first.previous).toBeUndefined();
    const second = await book.answer('sc-2027-q1', seoul, 'no', bo, AT);
    expect(second.previous).toMatchObject({ answer: 'yes', by: ana });
    await book.answer('sc-2027-q1', seoul, 'maybe', ana, AT);
    expect(await book.current('sc-2027-q1')).toEqual([
      { meeting: 'sc-2027-q1', respondent: seoul, answer: 'maybe', by: ana, at: AT.toISOString() },
    ]);
    expect((await book.history('sc-2027-q1')).map((r) => [r.answer, r.by.id])).toEqual([
      ['yes', ana.id],
      ['no', bo.id],
      ['maybe', ana.id],
    ]);
  });

  it('keeps meetings and respondents apart: a member, an advisor, another meeting', async () => {
    const book = new AttendanceBook(memoryStore().values, createLogger('error'));
    const advisor: Respondent = { kind: 'advisor', person: { platform: 'console', id: 'mar:go' } };
    await book.answer('sc-2027-q1', seoul, 'yes', ana, AT);
    await book.answer('sc-2027-q1', advisor, 'no', advisor.person, AT);
    await book.answer('sc-2027-q2', seoul, 'maybe', ana, AT);
    // A meeting id that another starts with is another meeting.
    await book.answer('sc-2027-q1x', seoul, 'no', ana, AT);
    expect((await book.current('sc-2027-q1')).map((r) => [r.respondent, r.answer])).toEqual([
      [seoul, 'yes'],
      [advisor, 'no'],
    ]);
    expect((await book.current('sc-2027-q2')).map((r) => r.answer)).toEqual(['maybe']);
  });

  it('leaves out, with a warning, a record that is not one (edited by hand, another version)', async () => {
    const store = memoryStore();
    const { lines, logger } = recordingLogger();
    const book = new AttendanceBook(store.values, logger);
    await book.answer('sc-2027-q1', seoul, 'yes', ana, AT);
    await store.values.set('attendance:sc-2027-q1:member:city-of-seoul:999999999999999.000001:x', {
      order: '999999999999999.000001',
      record: { meeting: 'sc-2027-q1', respondent: seoul, answer: 'absolutely', by: ana, at: AT.toISOString() },
    });
    await store.values.set('attendance:sc-2027-q1:member:city-of-seoul:999999999999999.000002:y', 'yes');
    expect((await book.current('sc-2027-q1')).map((r) => r.answer)).toEqual(['yes']);
    expect(lines.join('\n')).toContain('attendance:sc-2027-q1:member:city-of-seoul:999999999999999.000001:x');
  });
});
