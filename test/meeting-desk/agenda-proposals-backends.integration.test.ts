import { describe, expect, it } from 'vitest';
import { AgendaProposals, type NewProposal } from '../../src/meeting-desk/agenda-proposals.js';
import type { Store } from '../../src/store/store.js';
import { BACKENDS, storesClosedAfterEach } from '../support/store-fixtures.js';

// Agenda proposals on every backend, by two "processes" (two stores opened on one URL; memory://
// has one process, so both are the same store): numbers, decisions and duplicates at once.

const open = storesClosedAfterEach();
const NOW_MS = Date.parse('2026-11-20T01:00:00.000Z');

function proposal(text: string, id = 'ana'): NewProposal {
  return {
    meeting: 'sc-2027-q1',
    text,
    proposer: { platform: 'console', id, name: id, member: 'city-of-seoul' },
    lang: 'en',
    proposedAt: '2026-11-20T01:00:00.000Z',
  };
}

/** Two desks over one database, as two processes sharing it would hold. */
async function twoProcesses(freshUrl: () => Promise<string>): Promise<[AgendaProposals, AgendaProposals]> {
  const url = await freshUrl();
  const here = await open(url);
  const there: Store = url === 'memory://' ? here : await open(url);
  const desk = (store: Store) => new AgendaProposals(store.values, store.counters, store.claims);
  return [desk(here), desk(there)];
}

describe.each(BACKENDS)('agenda proposals on the $name store', ({ freshUrl }) => {
  it('numbers proposals made at once by two processes 1..N, each number once', async () => {
    const [here, there] = await twoProcesses(freshUrl);
    const made = await Promise.all(
      Array.from({ length: 12 }, (_, i) => (i % 2 ? here : there).propose(proposal(`item ${i}`, `person${i}`), NOW_MS)),
    );
    const numbers = made.map((m) => (m.ok ? m.proposal.number : 0));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect((await here.all()).map((p) => [p.number, p.text])).toEqual(
      made.map((m) => (m.ok ? [m.proposal.number, m.proposal.text] : [])).sort((a, b) => Number(a[0]) - Number(b[0])),
    );
  });

  it('records the same words from the same person for one meeting once, even sent at once', async () => {
    const [here, there] = await twoProcesses(freshUrl);
    const outcomes = await Promise.all([
      here.propose(proposal('Youth employment'), NOW_MS),
      there.propose(proposal('  youth EMPLOYMENT '), NOW_MS),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.find((o) => !o.ok)).toMatchObject({ ok: false, reason: 'duplicate' });
    expect(await here.propose(proposal('Youth employment'), NOW_MS)).toEqual({
      ok: false,
      reason: 'duplicate',
      number: 1,
    });
    // Another person, or another meeting, is another proposal.
    expect(await there.propose(proposal('Youth employment', 'bob'), NOW_MS)).toMatchObject({ ok: true });
    expect(await here.all()).toHaveLength(2);
  });

  it('takes exactly one of an accept and a decline sent at once, and tells the other it was decided', async () => {
    const [here, there] = await twoProcesses(freshUrl);
    await here.propose(proposal('Budget 2027'), NOW_MS);
    const [accept, decline] = await Promise.all([
      here.decide(1, { status: 'accepted', by: 'slack:U1', at: '2026-11-21T01:00:00.000Z' }, NOW_MS),
      there.decide(1, { status: 'declined', by: 'discord:42', at: '2026-11-21T01:00:01.000Z', reason: 'no' }, NOW_MS),
    ]);
    const decided = [accept, decline].filter((o) => o.ok);
    expect(decided).toHaveLength(1);
    const other = [accept, decline].find((o) => !o.ok)!;
    expect(['already-decided', 'being-decided']).toContain(!other.ok && other.reason);
    const stored = (await there.get(1))!;
    expect(stored.status).toBe(decided[0]!.ok ? decided[0]!.proposal.status : 'none');
    expect(stored.history.map((h) => h.action)).toEqual(['proposed', stored.status]);
    // Asked again once the decision is recorded: already decided, by whom it says.
    const again = await here.decide(1, { status: 'declined', by: 'slack:U1', at: '2026-11-22T01:00:00.000Z' }, NOW_MS);
    expect(again).toEqual({ ok: false, reason: 'already-decided', proposal: stored });
  });

  it('records a double click on Accept once', async () => {
    const [here, there] = await twoProcesses(freshUrl);
    await here.propose(proposal('Budget 2027'), NOW_MS);
    const clicks = await Promise.all(
      [here, there, here, there].map((desk) =>
        desk.decide(1, { status: 'accepted', by: 'slack:U1', at: '2026-11-21T01:00:00.000Z' }, NOW_MS),
      ),
    );
    expect(clicks.filter((c) => c.ok)).toHaveLength(1);
    expect((await here.get(1))!.history).toEqual([
      { action: 'proposed', by: 'console:ana', at: '2026-11-20T01:00:00.000Z' },
      { action: 'accepted', by: 'slack:U1', at: '2026-11-21T01:00:00.000Z' },
    ]);
  });

  it('lets a decision be taken once the claim of a process that died before recording it runs out', async () => {
    // What a process that claimed the decision and died leaves behind: the claim, and no decision.
    const store = await open(await freshUrl());
    const desk = new AgendaProposals(store.values, store.counters, store.claims);
    await desk.propose(proposal('Budget 2027'), NOW_MS);
    await store.claims.claim('agenda-proposal-decision:1', 'a process that died', NOW_MS, 60_000);
    const decision = { status: 'accepted', by: 'slack:U1', at: '2026-11-21T01:00:00.000Z' } as const;
    expect(await desk.decide(1, decision, NOW_MS + 1_000)).toEqual({ ok: false, reason: 'being-decided' });
    expect(await desk.decide(1, decision, NOW_MS + 61_000)).toMatchObject({ ok: true });
  });
});
