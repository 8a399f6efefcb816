import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { PlatformName } from '../domain/asker.js';
import { normalize } from '../domain/search/normalize.js';
import { LANGS, type Lang } from '../domain/vocabulary.js';
import type { Claims } from '../store/claims.js';
import type { Counters } from '../store/counters.js';
import type { KeyValues } from '../store/store.js';
import { checkStored, storedSchema } from '../store/stored-value.js';

export type ProposalStatus = 'proposed' | 'accepted' | 'declined';

/** Who proposed an item: the person as their platform knows them, their name, and the member they speak for. */
export interface Proposer {
  platform: PlatformName;
  id: string;
  /** Their name as their platform gave it, made inert (it is shown to others). */
  name: string;
  /** The member organisation (`members.yaml` id) they represent, when they do. */
  member?: string;
}

/** One step in a proposal's life, kept forever: who did what, when, and why. */
export interface ProposalStep {
  action: ProposalStatus;
  /** `platform:id` of whoever acted. */
  by: string;
  at: string;
  reason?: string;
}

/** An item proposed for a steering-committee meeting's agenda. */
export interface AgendaProposal {
  /** Its number, shown as #N: unique across every process sharing the store. */
  number: number;
  /** The meeting's id (`sc-2027-q1`). */
  meeting: string;
  /** The item's words, cleaned as news is (see sanitizeNews). */
  text: string;
  proposer: Proposer;
  /** The proposer's language when they proposed: the decision is told in it unless they chose another. */
  lang: Lang;
  /** The message it was taken from (a 📋 reaction), when there is one. */
  source?: { platform: PlatformName; channel?: string; messageId?: string; permalink?: string };
  proposedAt: string;
  status: ProposalStatus;
  /** Who decided, when, and why (a decline's reason), once decided. */
  decidedBy?: string;
  decidedAt?: string;
  reason?: string;
  history: ProposalStep[];
}

export type NewProposal = Omit<AgendaProposal, 'number' | 'status' | 'history' | 'decidedBy' | 'decidedAt' | 'reason'>;

export type ProposeOutcome =
  | { ok: true; proposal: AgendaProposal }
  /** The same person proposed the same words for the same meeting: `number` is that proposal's, once it is recorded. */
  | { ok: false; reason: 'duplicate'; number?: number };

export type DecideOutcome =
  | { ok: true; proposal: AgendaProposal }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'already-decided'; proposal: AgendaProposal }
  /** Another decision holds the claim and is not recorded yet: asking again in a moment gives its outcome. */
  | { ok: false; reason: 'being-decided' };

/**
 * How long a claim to decide a proposal, or to record a proposal's words, keeps others out. Each
 * needs two or three store operations of at most STORE_ANSWER_TIMEOUT_MS each; a process that
 * dies holding one only delays the next decision by this long.
 */
const CLAIM_LEASE_MS = 60_000;

const COUNTER = 'agenda-proposals';
const PROPOSAL_PREFIX = 'agenda-proposal:';

/**
 * The agenda proposals, in the store: each under its number, taken from a counter of the store
 * (one atomic step on every backend). A decision is taken under a claim of the store, so that of
 * two decisions at once (two clicks, or accept against decline, in one process or several)
 * exactly one is recorded and the other is told it was already decided; the same words proposed
 * twice at once by one person for one meeting are likewise recorded once.
 */
export class AgendaProposals {
  constructor(
    private readonly values: KeyValues,
    private readonly counters: Counters,
    private readonly claims: Claims,
  ) {}

  /** Records a proposal, unless its proposer already proposed the same words for the same meeting. */
  async propose(proposal: NewProposal, nowMs: number): Promise<ProposeOutcome> {
    const wordsKey = sameWordsKey(proposal);
    const known = await this.values.get(wordsKey, storedNumber);
    if (known !== undefined) return { ok: false, reason: 'duplicate', number: known };
    if (!(await this.claims.claim(wordsKey, randomUUID(), nowMs, CLAIM_LEASE_MS))) {
      const number = await this.values.get(wordsKey, storedNumber);
      return { ok: false, reason: 'duplicate', ...(number === undefined ? {} : { number }) };
    }
    const number = await this.counters.next(COUNTER);
    const recorded: AgendaProposal = {
      number,
      ...proposal,
      status: 'proposed',
      history: [{ action: 'proposed', by: personKey(proposal.proposer), at: proposal.proposedAt }],
    };
    await this.values.set(proposalKey(number), recorded);
    await this.values.set(wordsKey, number);
    return { ok: true, proposal: recorded };
  }

  /** Accepts or declines a proposal still proposed, as `by` did at `at` (see the class's note on races). */
  async decide(
    number: number,
    decision: { status: Exclude<ProposalStatus, 'proposed'>; by: string; at: string; reason?: string },
    nowMs: number,
  ): Promise<DecideOutcome> {
    const before = await this.get(number);
    if (!before) return { ok: false, reason: 'not-found' };
    if (before.status !== 'proposed') return { ok: false, reason: 'already-decided', proposal: before };
    const claimed = await this.claims.claim(`agenda-proposal-decision:${number}`, randomUUID(), nowMs, CLAIM_LEASE_MS);
    // Read again once claimed too: a decider whose claim ran out may have recorded its decision meanwhile.
    const current = (await this.get(number)) ?? before;
    if (current.status !== 'proposed') return { ok: false, reason: 'already-decided', proposal: current };
    if (!claimed) return { ok: false, reason: 'being-decided' };
    const { status, by, at, reason } = decision;
    const decided: AgendaProposal = {
      ...current,
      status,
      decidedBy: by,
      decidedAt: at,
      ...(reason ? { reason } : {}),
      history: [...current.history, { action: status, by, at, ...(reason ? { reason } : {}) }],
    };
    await this.values.set(proposalKey(number), decided);
    return { ok: true, proposal: decided };
  }

  async get(number: number): Promise<AgendaProposal | undefined> {
    const key = proposalKey(number);
    const value = await this.values.get(key, anyValue);
    return value === undefined ? undefined : checkStored(storedProposal, key, value);
  }

  /** Every proposal, by number. A number taken by a process that died before recording its proposal is skipped. */
  async all(): Promise<AgendaProposal[]> {
    const last = await this.counters.current(COUNTER);
    const read = await Promise.all(Array.from({ length: last }, (_, i) => this.get(i + 1)));
    return read.filter((proposal) => proposal !== undefined);
  }

  /** The proposals for one meeting, by number. */
  async ofMeeting(meeting: string): Promise<AgendaProposal[]> {
    return (await this.all()).filter((p) => p.meeting === meeting);
  }
}

/**
 * The accepted proposals of a meeting, by number: what its final agenda adds to the standing
 * items (the `agenda` answer, the 3-day reminder).
 */
export async function acceptedProposals(
  proposals: Pick<AgendaProposals, 'ofMeeting'>,
  meeting: { id: string },
): Promise<AgendaProposal[]> {
  return (await proposals.ofMeeting(meeting.id)).filter((p) => p.status === 'accepted');
}

/** A person as proposals record them: `platform:id`. */
export function personKey(person: { platform: string; id: string }): string {
  return `${person.platform}:${person.id}`;
}

function proposalKey(number: number): string {
  return `${PROPOSAL_PREFIX}${number}`;
}

/** The key under which one person's words for one meeting are known, folded as search folds text (case, accents, spaces). */
function sameWordsKey(proposal: NewProposal): string {
  const words = createHash('sha256').update(normalize(proposal.text)).digest('hex');
  const person = `${proposal.proposer.platform}:${encodeURIComponent(proposal.proposer.id)}`;
  return `agenda-proposal-words:${proposal.meeting}:${person}:${words}`;
}

const storedNumber = storedSchema((z) => z.number().int().positive());
const anyValue = storedSchema<unknown>((z) => z.unknown());

const storedProposal = storedSchema(async (z) => {
  const { platformName } = await import('../domain/asker.js');
  const status = z.enum(['proposed', 'accepted', 'declined']);
  return z.object({
    number: z.number().int().positive(),
    meeting: z.string().min(1).max(80),
    text: z.string(),
    proposer: z.object({
      platform: platformName,
      id: z.string().min(1),
      name: z.string(),
      member: z.string().optional(),
    }),
    lang: z.enum(LANGS),
    source: z
      .object({
        platform: platformName,
        channel: z.string().optional(),
        messageId: z.string().optional(),
        permalink: z.string().optional(),
      })
      .optional(),
    proposedAt: z.string(),
    status,
    decidedBy: z.string().optional(),
    decidedAt: z.string().optional(),
    reason: z.string().optional(),
    history: z.array(z.object({ action: status, by: z.string(), at: z.string(), reason: z.string().optional() })),
  }) satisfies z.ZodType<AgendaProposal>;
});
