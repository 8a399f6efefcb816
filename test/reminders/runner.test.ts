import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { ReminderSettings } from '../../src/catalog/schema.js';
import { KnowledgeBase } from '../../src/domain/knowledge-base.js';
import { silentLogger } from '../../src/logger.js';
import type { ChannelPoster } from '../../src/messaging/platform-adapter.js';
import { planReminders, type PlannedReminder } from '../../src/reminders/plan.js';
import { ReminderJournal } from '../../src/reminders/reminder-journal.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { realKnowledgeBase } from '../support/test-bot.js';
import { SEOUL, testReminderRunner } from '../support/test-reminder-runner.js';
import { announceChange, waitFor } from '../support/wait-for.js';

const SETTINGS: ReminderSettings = {
  offsets: ['P14D', 'P3D', 'P1D'],
  time: '09:00',
  targets: [
    { platform: 'slack', channel: 'C-STEERING', languages: ['en', 'fr', 'es'] },
    { platform: 'discord', channel: '4242', languages: ['fr'] },
  ],
};

/** A deterministic pseudo-random sequence (mulberry32), so that a failing run can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Post {
  platform: string;
  channel: string;
  title: string;
  late: boolean;
  at: DateTime;
  mark: string | undefined;
}

/**
 * Stands in for Slack's or Discord's servers: records what arrives (announcing it to waitFor), and
 * fails when told to: `before` the message is taken (a 503), or `after` (the message is in the
 * channel, but the answer is lost: a 500 on the way back, or the process dying mid-call when
 * `after` never returns).
 */
function recordingPoster(
  platform: string,
  posts: Post[],
  clock: () => DateTime,
  failure: () => boolean,
  after?: () => Promise<void>,
): ChannelPoster {
  return {
    async post(channel, reply, mark) {
      if (failure()) throw Object.assign(new Error(`${platform} answered 503`), { retryAfterMs: 1000 });
      const late = reply.blocks.some((b) => b.type === 'note' && /late|retard|retraso/.test(b.text));
      posts.push({ platform, channel, title: reply.title, late, at: clock(), mark });
      announceChange();
      await after?.();
    },
    async wasPosted(channel, _reply, mark) {
      return posts.some((p) => p.platform === platform && p.channel === channel && p.mark === mark);
    },
  };
}

function setUp(
  kb: KnowledgeBase,
  store: Store,
  clock: () => DateTime,
  posts: Post[],
  failure: () => boolean = () => false,
) {
  const posters = {
    slack: recordingPoster('slack', posts, clock, failure),
    discord: recordingPoster('discord', posts, clock, failure),
  };
  return testReminderRunner(SETTINGS, { posters, journal: new ReminderJournal(store), clock }, kb);
}

describe('ReminderRunner', () => {
  it('posts each reminder once, on time, with its meeting, date and agenda', async () => {
    const kb = await realKnowledgeBase();
    let now = DateTime.fromISO('2027-01-11T08:00', { zone: SEOUL });
    const posts: Post[] = [];
    const runner = await setUp(kb, memoryStore(), () => now, posts);
    expect(await runner.msUntilNextWake()).toBe(10 * 60_000); // the next is an hour away: sleeps are capped
    now = now.plus({ hours: 1 });
    await runner.runDue();
    await runner.runDue();
    expect(posts.map((p) => [p.platform, p.channel, p.late])).toEqual([
      ['discord', '4242', false],
      ['slack', 'C-STEERING', false],
    ]);
    expect(posts[1]!.title).toBe('Reminder: Steering Committee, Q1 2027, in 14 days');
  });

  // A year of passes, all computed here: from 3 s on a quiet machine to 25 s on a busy one.
  it(
    'over a simulated year with crashes, downtime and failing posts, delivers every reminder exactly once, late only when it was down',
    { timeout: 120_000 },
    async () => {
      const kb = await realKnowledgeBase();
      const start = DateTime.fromISO('2027-01-01T00:00', { zone: SEOUL });
      const end = start.plus({ years: 1 });
      const next = random(2027);
      const store = memoryStore(); // the store outlives every process
      const posts: Post[] = [];
      const down: { from: DateTime; to: DateTime }[] = [];
      let now = start;
      const clock = () => now;
      let failures = 0;
      const flaky = () => next() < 0.3 && ++failures > 0;
      let runner = await setUp(kb, store, clock, posts, flaky);
      let restarts = 0;
      while (now < end) {
        await runner.runDue();
        const wakeAt = now.plus({ milliseconds: await runner.msUntilNextWake() });
        if (next() < 0.2) {
          // Killed at a random moment before the next wake, down for up to 10 days, then restarted.
          const killedAt = now.plus({ milliseconds: next() * wakeAt.diff(now).as('milliseconds') });
          const back = killedAt.plus({ hours: next() * 240 });
          down.push({ from: killedAt, to: back });
          now = back;
          runner = await setUp(kb, store, clock, posts, flaky);
          restarts++;
        } else {
          now = wakeAt;
        }
      }
      // The run exercised what it claims to: restarts, failed posts, and reminders missed while down.
      expect(restarts).toBeGreaterThan(3);
      expect(failures).toBeGreaterThan(0);
      expect(posts.some((p) => p.late)).toBe(true);

      const planned = planReminders(kb, SETTINGS, SEOUL, start, end);
      expect(planned).toHaveLength(4 * 3 * 2);
      const isDownAt = (t: DateTime) => down.find((d) => d.from <= t && t < d.to);
      for (const reminder of planned) {
        const delivered = posts.filter(
          (p) =>
            p.platform === reminder.target.platform &&
            p.channel === reminder.target.channel &&
            isTitleOf(p.title, reminder),
        );
        const outage = isDownAt(reminder.at);
        if (outage && outage.to >= reminder.meetingBegins) {
          expect(delivered, reminder.key).toHaveLength(0); // its meeting had begun when the bot came back
        } else {
          expect(delivered, reminder.key).toHaveLength(1);
          expect(delivered[0]!.late, reminder.key).toBe(outage !== undefined);
        }
      }
    },
  );

  it('two runners sharing one SQLite store never post the same reminder twice', async () => {
    const kb = await realKnowledgeBase();
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'gsef-reminders-')), 'store.sqlite');
    const now = DateTime.fromISO('2019-10-13T09:00', { zone: SEOUL });
    const posts: Post[] = [];
    const [storeA, storeB] = [await openStore(`sqlite://${file}`), await openStore(`sqlite://${file}`)];
    const a = await setUp(kb, storeA, () => now, posts);
    const b = await setUp(kb, storeB, () => now, posts);
    // The 14-, 3- and 1-day reminders of October 2019 are all due: six posts between them, no more.
    await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    await Promise.all([a.runDue(), b.runDue()]);
    expect(posts).toHaveLength(6);
    await Promise.all([storeA.close(), storeB.close()]);
  });

  it('after a restart, does not post again what was posted, and still posts what was not', async () => {
    const kb = await realKnowledgeBase();
    const store = memoryStore();
    let now = DateTime.fromISO('2019-04-11T09:00', { zone: SEOUL });
    const posts: Post[] = [];
    await (await setUp(kb, store, () => now, posts)).runDue();
    expect(posts).toHaveLength(2);
    now = now.plus({ days: 11 }); // 22 April: the 3-day reminder is due
    await (await setUp(kb, store, () => now, posts)).runDue();
    expect(posts).toHaveLength(4);
    expect(posts.every((p) => !p.late)).toBe(true);
  });

  it('when a meeting moves after its first reminder, reminds of the new date and never repeats the old one', async () => {
    const kb = await realKnowledgeBase();
    const moved = structuredClone(kb.catalog);
    moved.meetings.steeringCommittee.occurrences = moved.meetings.steeringCommittee.occurrences.map((o) =>
      o.id === 'sc-2019-q2' ? { ...o, when: { precision: 'day' as const, start: '2019-04-29', end: '2019-04-30' } } : o,
    );
    const store = memoryStore();
    const posts: Post[] = [];
    let now = DateTime.fromISO('2019-04-11T09:00', { zone: SEOUL });
    await (await setUp(kb, store, () => now, posts)).runDue();
    expect(posts).toHaveLength(2);
    const after = await setUp(new KnowledgeBase(moved), store, () => now, posts);
    now = DateTime.fromISO('2019-04-15T09:00', { zone: SEOUL }); // 14 days before the new date
    await after.runDue();
    expect(posts).toHaveLength(4);
    expect(posts.slice(2).every((p) => /(in|dans) 14 (days|jours)$/.test(p.title) && !p.late)).toBe(true);
  });

  it('records a post that keeps failing, reports it, and tries again on the next pass', async () => {
    const kb = await realKnowledgeBase();
    const store = memoryStore();
    const posts: Post[] = [];
    let failing = true;
    let now = DateTime.fromISO('2019-04-11T09:00', { zone: SEOUL });
    const errors: string[] = [];
    const runner = await testReminderRunner(
      { ...SETTINGS, targets: [SETTINGS.targets[0]!] },
      {
        posters: {
          slack: recordingPoster(
            'slack',
            posts,
            () => now,
            () => failing,
          ),
        },
        journal: new ReminderJournal(store),
        clock: () => now,
        logger: { ...silentLogger, error: (message) => errors.push(message) },
      },
      kb,
    );
    await runner.runDue();
    expect(posts).toHaveLength(0);
    expect(errors).toHaveLength(1);
    const [record] = await new ReminderJournal(store).all();
    expect(record!.record).toMatchObject({ status: 'failed', attempts: 5 });
    failing = false;
    now = now.plus({ minutes: 10 });
    await runner.runDue();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.late).toBe(false); // it was up all along: retried, not late
  });

  describe('a post whose outcome was lost', () => {
    const slackOnly = { ...SETTINGS, targets: [SETTINGS.targets[0]!] };
    const runnerWith = (kb: KnowledgeBase, store: Store, clock: () => DateTime, poster: ChannelPoster) =>
      testReminderRunner(slackOnly, { posters: { slack: poster }, journal: new ReminderJournal(store), clock }, kb);

    it('is found in the channel after the process died mid-post, and not posted again', async () => {
      const kb = await realKnowledgeBase();
      const store = memoryStore();
      const posts: Post[] = [];
      let now = DateTime.fromISO('2019-04-11T09:00', { zone: SEOUL });
      // The first process dies inside the post: the message is in the channel, the call never returns.
      const dying = await runnerWith(
        kb,
        store,
        () => now,
        recordingPoster(
          'slack',
          posts,
          () => now,
          () => false,
          () => new Promise(() => {}),
        ),
      );
      void dying.runDue();
      await waitFor(() => posts.length === 1, 'the post');
      expect((await new ReminderJournal(store).all())[0]!.record.status).toBe('posting');
      // Restarted once its claim has lapsed.
      now = now.plus({ minutes: 6 });
      await (
        await runnerWith(
          kb,
          store,
          () => now,
          recordingPoster(
            'slack',
            posts,
            () => now,
            () => false,
          ),
        )
      ).runDue();
      expect(posts).toHaveLength(1);
      expect((await new ReminderJournal(store).all())[0]!.record).toMatchObject({
        status: 'posted',
        foundInChannel: true,
      });
    });

    it('is found in the channel when the platform took the message but answered with an error', async () => {
      const kb = await realKnowledgeBase();
      const posts: Post[] = [];
      const now = DateTime.fromISO('2019-04-11T09:00', { zone: SEOUL });
      let lost = 0;
      const losing = recordingPoster(
        'slack',
        posts,
        () => now,
        () => false,
        async () => {
          if (lost++ === 0) throw new Error('slack answered 500');
        },
      );
      await (await runnerWith(kb, memoryStore(), () => now, losing)).runDue();
      expect(posts).toHaveLength(1);
    });

    it('is posted again where the platform cannot tell (the console): a reminder twice rather than none', async () => {
      const kb = await realKnowledgeBase();
      const store = memoryStore();
      const posts: Post[] = [];
      let now = DateTime.fromISO('2019-04-11T09:00', { zone: SEOUL });
      const { post } = recordingPoster(
        'slack',
        posts,
        () => now,
        () => false,
        () => new Promise(() => {}),
      );
      void (await runnerWith(kb, store, () => now, { post })).runDue();
      await waitFor(() => posts.length === 1, 'the post');
      now = now.plus({ minutes: 6 });
      const { post: postAgain } = recordingPoster(
        'slack',
        posts,
        () => now,
        () => false,
      );
      await (await runnerWith(kb, store, () => now, { post: postAgain })).runDue();
      expect(posts).toHaveLength(2);
    });
  });
});

/** "Reminder: Steering Committee, Q1 2027, in 14 days" or "Rappel : Comité Directeur, T1 2027, dans 14 jours" */
function isTitleOf(title: string, reminder: PlannedReminder): boolean {
  const days = Number(reminder.offset.slice(1, -1));
  return new RegExp(`[QT]${reminder.meeting.quarter} ${reminder.meeting.year}, (in|dans) ${days} (days?|jours?)$`).test(
    title,
  );
}
