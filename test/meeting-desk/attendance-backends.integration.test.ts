import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { AttendanceBook, type Respondent } from '../../src/meeting-desk/attendance.js';
import { SHARED_BACKENDS, storesClosedAfterEach } from '../support/store-fixtures.js';

// Attendance on every backend that outlives a restart, answered from two processes at once.

const open = storesClosedAfterEach();
const seoul: Respondent = { kind: 'member', member: 'city-of-seoul' };
const AT = new Date('2026-12-01T01:00:00.000Z');
const representatives = Array.from({ length: 10 }, (_, i) => ({ platform: 'slack', id: `U0SEOUL${i}` }));

describe.each(SHARED_BACKENDS)('attendance on the $name store', ({ freshUrl }) => {
  it('representatives answering at once from two processes: every answer kept, both read the same current one', async () => {
    const url = await freshUrl();
    const books = (await Promise.all([open(url), open(url)])).map((s) => new AttendanceBook(s.values, silentLogger));
    const answers = ['yes', 'no', 'maybe'] as const;
    await Promise.all(
      representatives.map((person, i) => books[i % 2]!.answer('sc-2027-q1', seoul, answers[i % 3]!, person, AT)),
    );
    const [here, there] = await Promise.all(books.map((book) => book.current('sc-2027-q1')));
    expect(here).toHaveLength(1);
    expect(there).toEqual(here);
    const history = await books[0]!.history('sc-2027-q1');
    expect(history).toHaveLength(representatives.length);
    // The current answer is the last of the history, which both processes read in the same order.
    expect(history.at(-1)).toEqual(here?.[0]);
    expect(await books[1]!.history('sc-2027-q1')).toEqual(history);
  });

  it('the same button pressed twice at once: one current answer; a restart reads it back', async () => {
    const url = await freshUrl();
    const book = new AttendanceBook((await open(url)).values, silentLogger);
    await Promise.all([0, 1].map(() => book.answer('sc-2027-q1', seoul, 'yes', representatives[0]!, AT)));
    const again = new AttendanceBook((await open(url)).values, silentLogger);
    expect((await again.current('sc-2027-q1')).map((r) => [r.respondent, r.answer])).toEqual([[seoul, 'yes']]);
  });
});
