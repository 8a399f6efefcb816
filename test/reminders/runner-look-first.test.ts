import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { ReminderSettings } from '../../src/catalog/schema.js';
import { createLogger } from '../../src/logger.js';
import type { ChannelPoster } from '../../src/messaging/platform-adapter.js';
import { ReminderJournal } from '../../src/reminders/reminder-journal.js';
import type { ReminderRunner } from '../../src/reminders/reminder-runner.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { SEOUL, testReminderRunner } from '../support/test-reminder-runner.js';

// After an attempt whose outcome was lost, a reminder is never posted again without a look in
// the channel: when the look itself fails, the attempt fails, and the look is tried again.

const SETTINGS: ReminderSettings = {
  offsets: ['P14D'],
  time: '09:00',
  targets: [{ platform: 'slack', channel: 'C-STEERING', languages: ['en'] }],
};

/** A channel that takes the first post but loses its answer, and whose history can be read only when `readable()` says so. */
function flakyChannel(readable: () => boolean): { poster: ChannelPoster; posts: string[]; looks: () => number } {
  const posts: string[] = [];
  let looks = 0;
  const poster: ChannelPoster = {
    async post(_channel, _reply, mark) {
      posts.push(mark ?? '');
      if (posts.length === 1) throw new Error('socket hang up (after Slack took the message)');
    },
    async wasPosted(_channel, _reply, mark) {
      looks += 1;
      if (!readable()) throw new Error('conversations.history answered 503');
      return posts.includes(mark);
    },
  };
  return { poster, posts, looks: () => looks };
}

function runnerOver(store: Store, poster: ChannelPoster, now: () => DateTime): Promise<ReminderRunner> {
  return testReminderRunner(SETTINGS, { posters: { slack: poster }, journal: new ReminderJournal(store), clock: now });
}

describe('a reminder whose outcome was lost, when the channel cannot be read', () => {
  it('is looked for again, not posted blindly, and found once the channel can be read', async () => {
    const store = memoryStore();
    let lookFailures = 2;
    const channel = flakyChannel(() => lookFailures-- <= 0);
    await (
      await runnerOver(store, channel.poster, () => DateTime.fromISO('2019-04-11T09:00', { zone: SEOUL }))
    ).runDue();
    expect(channel.posts).toHaveLength(1);
    expect(channel.looks()).toBe(3);
    expect((await new ReminderJournal(store).all())[0]!.record).toMatchObject({
      status: 'posted',
      foundInChannel: true,
    });
  });

  it('is recorded as failed (not posted twice) while the channel stays unreadable, and found on a later pass', async () => {
    const store = memoryStore();
    let readable = false;
    let now = DateTime.fromISO('2019-04-11T09:00', { zone: SEOUL });
    const channel = flakyChannel(() => readable);
    const runner = await runnerOver(store, channel.poster, () => now);
    await runner.runDue();
    expect(channel.posts).toHaveLength(1);
    const [failed] = await new ReminderJournal(store).all();
    expect(failed!.record).toMatchObject({ status: 'failed', attempts: 5 });
    expect(failed!.record.reason).toContain('could not look in slack channel C-STEERING');
    readable = true;
    now = now.plus({ minutes: 10 });
    await runner.runDue();
    expect(channel.posts).toHaveLength(1);
    expect((await new ReminderJournal(store).all())[0]!.record).toMatchObject({
      status: 'posted',
      foundInChannel: true,
    });
  });
});

describe('a reminder whose record in the store cannot be read', () => {
  it('is taken as an attempt whose outcome was lost: looked for, found, not posted again, and the key logged', async () => {
    const store = memoryStore();
    const posts: string[] = [];
    const poster: ChannelPoster = {
      async post(_channel, _reply, mark) {
        posts.push(mark ?? '');
      },
      async wasPosted(_channel, _reply, mark) {
        return posts.includes(mark);
      },
    };
    const now = () => DateTime.fromISO('2019-04-11T09:00', { zone: SEOUL });
    await (await runnerOver(store, poster, now)).runDue();
    const key = `reminder:${(await new ReminderJournal(store).all())[0]?.key}`;
    await store.values.set(key, { status: 'sent', when: 'yesterday' });

    // A later pass: the first one's claim has run out.
    const later = () => now().plus({ minutes: 10 });
    const lines: string[] = [];
    const logger = createLogger('warn', (line) => lines.push(line));
    await (
      await testReminderRunner(SETTINGS, {
        posters: { slack: poster },
        journal: new ReminderJournal(store),
        clock: later,
        logger,
      })
    ).runDue();
    expect(posts).toHaveLength(1);
    expect((await new ReminderJournal(store).all())[0]!.record).toMatchObject({
      status: 'posted',
      foundInChannel: true,
    });
    expect(lines.map((line) => JSON.parse(line) as unknown)).toContainEqual(
      expect.objectContaining({ level: 'warn', key, problem: expect.any(String) }),
    );
  });
});
