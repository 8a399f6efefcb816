import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/logger.js';
import { RoleBook } from '../../src/people/roles.js';
import { SHARED_BACKENDS, storesClosedAfterEach } from '../support/store-fixtures.js';

// Roles on every backend that outlives a restart, and between two processes sharing one.

const open = storesClosedAfterEach();
const ana = { platform: 'slack', id: 'U0123ABCD' };
const AT = '2026-11-30T09:00:00.000Z';

describe.each(SHARED_BACKENDS)('roles on the $name store', ({ freshUrl }) => {
  it('keeps grants across a restart, with who and when, and the history of changes', async () => {
    const url = await freshUrl();
    const first = await open(url);
    const roles = new RoleBook(first.values, [], silentLogger);
    await roles.grant(ana, 'representative', 'city-of-seoul', 'console:secretariat', AT);
    await roles.grant(ana, 'editor', undefined, 'console:secretariat', '2026-11-30T09:00:30.000Z');
    await roles.revoke(ana, 'editor', 'slack:U9', '2026-11-30T09:01:00.000Z');
    // A new connection and a new book: what a restarted bot reads.
    const again = new RoleBook((await open(url)).values, [], silentLogger);
    expect(await again.grantsOf(ana)).toEqual([
      { person: ana, role: 'representative', member: 'city-of-seoul', grantedBy: 'console:secretariat', grantedAt: AT },
    ]);
    expect((await again.history()).map((c) => [c.action, c.role, c.by])).toEqual([
      ['granted', 'representative', 'console:secretariat'],
      ['granted', 'editor', 'console:secretariat'],
      ['revoked', 'editor', 'slack:U9'],
    ]);
  });
});

describe.each(SHARED_BACKENDS)('roles shared by two processes on the $name store', ({ freshUrl }) => {
  it('revoked at once by both: one revocation, recorded once; granted at once: both roles held', async () => {
    const url = await freshUrl();
    const [here, there] = await Promise.all([open(url), open(url)]);
    const books = [here, there].map((store) => new RoleBook(store.values, [], silentLogger));
    await Promise.all([
      books[0]!.grant(ana, 'advisor', undefined, 'console:secretariat', AT),
      books[1]!.grant(ana, 'editor', undefined, 'slack:U9', AT),
    ]);
    expect((await books[0]!.all()).map((g) => g.role)).toEqual(['advisor', 'editor']);
    const outcomes = await Promise.all(books.map((b) => b.revoke(ana, 'editor', 'console:secretariat', AT)));
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['not-held', 'revoked']);
    expect((await books[1]!.history()).filter((c) => c.action === 'revoked')).toHaveLength(1);
  });
});
