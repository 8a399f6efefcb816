import { webApi } from '@slack/bolt';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReminderSettings } from '../../../src/catalog/schema.js';
import { SlackChannelPoster } from '../../../src/platforms/slack/slack-channel-poster.js';
import type { ChannelPoster } from '../../../src/messaging/platform-adapter.js';
import { ReminderJournal, type ReminderRecord } from '../../../src/reminders/reminder-journal.js';
import { reply } from '../../../src/reply/reply.js';
import { memoryStore } from '../../../src/store/memory/memory-store.js';
import { SEOUL, testReminderRunner } from '../../support/test-reminder-runner.js';
import { FakeSlackApi, type LostAnswer } from './fake-slack-api.js';
import { FAST_RETRIES, startTestSlack, type TestSlack } from './slack-test-kit.js';

// A reminder Slack took but whose answer was lost must not be posted a second time by the Web
// API client's own retry: every new attempt goes through the runner, which looks first.

let fake: FakeSlackApi;
let slack: TestSlack;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  slack = await startTestSlack(fake);
});

afterAll(async () => {
  await slack?.platform.stop();
  await fake?.close();
});

/** 11 April 2019, 09:00 in Seoul: the 14-day reminder of the steering committee of 25 April is due. */
const DUE = DateTime.fromISO('2019-04-11T09:00', { zone: SEOUL });

/** Runs one reminder pass posting to `channel` through `poster`; returns the reminder's record. */
async function remindThrough(poster: ChannelPoster, channel: string): Promise<ReminderRecord | undefined> {
  const settings: ReminderSettings = {
    offsets: ['P14D'],
    time: '09:00',
    targets: [{ platform: 'slack', channel, languages: ['en'] }],
  };
  const journal = new ReminderJournal(memoryStore());
  const runner = await testReminderRunner(settings, { posters: { slack: poster }, journal, clock: () => DUE });
  await runner.runDue();
  const records = await journal.all();
  expect(records).toHaveLength(1);
  return records[0]!.record;
}

function messagesIn(channel: string) {
  return fake.messages.get(channel) ?? [];
}

describe('a reminder whose answer from Slack was lost', () => {
  it.each<LostAnswer>(['error', 'reset'])(
    '(%s after Slack took it) is in the channel once, and recorded as posted',
    async (how) => {
      const channel = `CLOST-${how}`;
      fake.loseAnswerOfNext('chat.postMessage', 1, how);
      const record = await remindThrough(slack.platform, channel);
      expect(messagesIn(channel)).toHaveLength(1);
      expect(messagesIn(channel)[0]!.metadata?.event_type).toBe('gsef_posted');
      expect(record).toMatchObject({ status: 'posted', foundInChannel: true });
      // One post, then a look in the channel, and no second post.
      expect(fake.callsTo('chat.postMessage').filter((c) => c.body.channel === channel)).toHaveLength(1);
    },
  );

  it('(no answer before the client timed out) is in the channel once, and recorded as posted', async () => {
    const channel = 'CLOST-silence';
    // The production retry count. Only the marked post gives up after a timeout short enough for a
    // test, on the silence; the look in the channel (the app's client) keeps the usual timeout, so
    // that a busy machine cannot make it give up too.
    const clientOptions: webApi.WebClientOptions = { slackApiUrl: fake.apiUrl, retryConfig: FAST_RETRIES };
    const client = new webApi.WebClient('xoxb-test', clientOptions);
    const poster = new SlackChannelPoster(client, slack.bot, {
      token: 'xoxb-test',
      clientOptions: { ...clientOptions, timeout: 300 },
    });
    fake.loseAnswerOfNext('chat.postMessage', 1, 'silence');
    const record = await remindThrough(poster, channel);
    expect(messagesIn(channel)).toHaveLength(1);
    expect(record).toMatchObject({ status: 'posted', foundInChannel: true });
  });

  it('is not what a rate limit is: Slack took nothing, the runner waits, looks, and posts it once', async () => {
    const channel = 'CLIMITED';
    fake.failNext('chat.postMessage', 1, { status: 429, retryAfter: 1 });
    const record = await remindThrough(slack.platform, channel);
    expect(messagesIn(channel)).toHaveLength(1);
    expect(record).toMatchObject({ status: 'posted', attempts: 2 });
    expect(record?.foundInChannel).toBeUndefined();
  });

  it('a post without a mark (an editorial notice) still has the client retry a 5xx for it', async () => {
    fake.failNext('chat.postMessage', 1, { status: 500 });
    await slack.platform.post('CNOTICE', reply('ok', 'A new item to review'));
    expect(
      fake
        .callsTo('chat.postMessage')
        .filter((c) => c.body.channel === 'CNOTICE')
        .map((c) => c.status),
    ).toEqual([500, 200]);
  });
});
