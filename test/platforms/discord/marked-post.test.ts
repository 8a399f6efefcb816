import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReminderSettings } from '../../../src/catalog/schema.js';
import { createLogger } from '../../../src/logger.js';
import { restApiOf } from '../../../src/platforms/discord/discord-config.js';
import { startDiscord } from '../../../src/platforms/discord/start-discord.js';
import type { PlatformAdapter } from '../../../src/messaging/platform-adapter.js';
import { ReminderJournal, type ReminderRecord } from '../../../src/reminders/reminder-journal.js';
import { memoryStore } from '../../../src/store/memory/memory-store.js';
import { botAt } from '../../support/test-bot.js';
import { SEOUL, testReminderRunner } from '../../support/test-reminder-runner.js';
import { APPLICATION_ID, BOT_USER, FakeDiscord, type LostAnswer } from './fake-discord.js';

// A reminder Discord took but whose answer was lost: discord.js retries a 5xx (and a reset
// connection) by itself, without looking, so every attempt of a marked post carries the same
// enforced nonce, and Discord hands back the message it already made instead of making another.

let fake: FakeDiscord;
let platform: PlatformAdapter;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  platform = await startDiscord(
    await botAt('2019-05-10'),
    { token: 'fake-token', applicationId: APPLICATION_ID, restApi: restApiOf(fake.baseUrl) },
    createLogger('error', () => {}),
  );
}, 30_000);

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
});

/** 11 April 2019, 09:00 in Seoul: the 14-day reminder of the steering committee of 25 April is due. */
const DUE = DateTime.fromISO('2019-04-11T09:00', { zone: SEOUL });

async function remindIn(channel: string): Promise<ReminderRecord | undefined> {
  const settings: ReminderSettings = {
    offsets: ['P14D'],
    time: '09:00',
    targets: [{ platform: 'discord', channel, languages: ['en'] }],
  };
  const journal = new ReminderJournal(memoryStore());
  const runner = await testReminderRunner(settings, {
    posters: { discord: platform },
    journal,
    clock: () => DUE,
  });
  await runner.runDue();
  return (await journal.all())[0]?.record;
}

describe('a Discord reminder whose answer was lost', () => {
  it.each<[LostAnswer, string]>([
    ['error', '800000000000000010'],
    ['reset', '800000000000000011'],
  ])('(%s after Discord took it) is in the channel once, and recorded as posted', async (how, channel) => {
    const route = new RegExp(`^/api/v10/channels/${channel}/messages$`);
    fake.loseAnswerOfNext('POST', route, how);
    const record = await remindIn(channel);
    const inChannel = [...fake.messages.values()].filter(
      (m) => m.channel_id === channel && (m.author as { id: string }).id === BOT_USER.id,
    );
    expect(inChannel).toHaveLength(1);
    expect(record).toMatchObject({ status: 'posted' });
    // Whoever tried again (discord.js after a 5xx, the runner after looking), every attempt carried the same enforced nonce.
    const attempts = fake.requestsTo('POST', route).map((r) => r.body as { nonce?: unknown; enforce_nonce?: unknown });
    expect(new Set(attempts.map((a) => a.nonce)).size).toBe(1);
    expect(attempts.every((a) => typeof a.nonce === 'string' && a.enforce_nonce === true)).toBe(true);
  });
});
