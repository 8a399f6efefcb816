import { afterEach, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot.js';
import type { Asker } from '../../../src/domain/asker.js';
import { Outbox } from '../../../src/messaging/outbox.js';
import { startSlack, type SlackAdapter } from '../../../src/platforms/slack/start-slack.js';
import { renderText } from '../../../src/reply/render-text.js';
import { openStore } from '../../../src/store/open-store.js';
import type { Store } from '../../../src/store/store.js';
import { freshPostgresUrl } from '../../support/fresh-databases.js';
import { freshSqliteUrl, storesClosedAfterEach } from '../../support/store-fixtures.js';
import { botWithNewsletter } from '../../support/test-bot.js';
import { pollUntil, waitFor } from '../../support/wait-for.js';
import { FakeSlackApi } from './fake-slack-api.js';
import {
  acknowledgementOf,
  FAST_RETRIES,
  postSigned,
  recordingLogger,
  slashCommandBody,
  SIGNING_SECRET,
} from './slack-test-kit.js';

/**
 * The newsletter's notices (a new item → the editors' channel, a decision → the author) go through
 * the store's outbox: the person who acted is answered without waiting for Slack, a notice Slack
 * refuses is tried again until it is delivered, one queued where Slack does not run is delivered
 * by a later process that runs it, and two instances sharing the store send each notice once.
 */
const NEWSLETTER = {
  editors: { console: ['secretariat'], slackUsers: ['UEDITOR'], discordRoles: [] },
  editorialChannels: { slack: 'CEDITORS' },
};
const open = storesClosedAfterEach();
const fakes: FakeSlackApi[] = [];
const platforms: SlackAdapter[] = [];
const bots: Bot[] = [];
afterEach(async () => {
  await Promise.all(bots.splice(0).map((bot) => bot.services.outbox.stop()));
  await Promise.all(platforms.splice(0).map((platform) => platform.stop()));
  await Promise.all(fakes.splice(0).map((fake) => fake.close()));
});

async function fakeSlack(): Promise<FakeSlackApi> {
  const fake = await FakeSlackApi.start();
  fakes.push(fake);
  return fake;
}

/** A bot over `store` whose outbox retries within milliseconds, as a process that runs only the console. */
async function botOver(store: Store): Promise<{ bot: Bot; logs: ReturnType<typeof recordingLogger>['entries'] }> {
  const { logger, entries } = recordingLogger();
  const bot = await botWithNewsletter('2019-05-10', NEWSLETTER, logger, store);
  bot.services.outbox = new Outbox(NEWSLETTER.editorialChannels, store.notices, logger, {
    pollMs: 50,
    firstRetryMs: 20,
    maxRetryMs: 100,
  });
  bots.push(bot);
  return { bot, logs: entries };
}

/** Starts the real Slack app for `bot`, its Web API calls going to `fake`; answers slash commands at the returned URL. */
async function runSlack(bot: Bot, fake: FakeSlackApi): Promise<string> {
  const platform = await startSlack(
    bot,
    {
      botToken: 'xoxb-test',
      connection: { kind: 'http', signingSecret: SIGNING_SECRET, port: 0, host: '127.0.0.1' },
      apiUrl: fake.apiUrl,
    },
    recordingLogger().logger,
    { retryConfig: FAST_RETRIES, reconnectDelayMs: () => 10 },
  );
  bot.services.outbox.attach(platform);
  platforms.push(platform);
  return `http://127.0.0.1:${platform.address!.port}`;
}

/** Once every notice is delivered, its row leaves the store's outbox (the store announces nothing: polled). */
const outboxEmptied = (store: Store) =>
  pollUntil(async () => (await store.notices.list()).length === 0, 'the outbox emptied');

const postsTo = (fake: FakeSlackApi, channel: string) =>
  fake.succeeded('chat.postMessage').filter((c) => c.body.channel === channel);
const slackAuthor: Asker = { platform: 'slack', id: 'UFR', displayName: 'Marie Dupont', isEditor: false };
const consoleEditor: Asker = { platform: 'console', id: 'secretariat', displayName: 'secretariat', isEditor: true };

// PostgreSQL, SQLite files and two Slack apps at once: generous for a busy machine.
describe('the newsletter outbox', { timeout: 60_000 }, () => {
  it("answers the sender while Slack hangs on the editors' notice, and posts the notice once Slack answers", async () => {
    const fake = await fakeSlack();
    const store = await open(await freshSqliteUrl());
    const { bot } = await botOver(store);
    const url = await runSlack(bot, fake);
    const release = fake.hold('chat.postMessage');
    try {
      const response = await postSigned(
        url,
        slashCommandBody(fake, 'news The City of Bamako opens a social economy incubator.', 'UFR', 'hang'),
      );
      // The answer came in the acknowledgement itself: nothing waited for the notice.
      expect(JSON.stringify(await acknowledgementOf(response))).toContain('#1');
    } finally {
      release();
    }
    const notice = await waitFor(() => postsTo(fake, 'CEDITORS')[0], 'the editorial notice');
    expect(String(notice.body.text)).toContain('#1');
    await outboxEmptied(store);
  });

  it('keeps a notice Slack refuses, says why, and delivers it once Slack takes it', async () => {
    const fake = await fakeSlack();
    const store = await open(await freshSqliteUrl());
    const { bot, logs } = await botOver(store);
    await runSlack(bot, fake);
    fake.refusals.set('chat.postMessage', 'not_in_channel');
    await bot.answer('news Montréal funds twelve new cooperatives this year.', slackAuthor);
    await pollUntil(
      async () => ((await store.notices.list())[0]?.attempts ?? 0) >= 2,
      'two failed attempts recorded in the outbox',
    );
    expect((await store.notices.list())[0]).toMatchObject({
      recipient: { platform: 'slack', kind: 'channel', id: 'CEDITORS' },
      lastError: expect.stringContaining('not_in_channel'),
    });
    expect(logs.some((l) => l.message === 'could not deliver a notice; will try again')).toBe(true);
    fake.refusals.delete('chat.postMessage');
    await waitFor(() => postsTo(fake, 'CEDITORS')[0], 'the editorial notice, once the channel takes it');
    await outboxEmptied(store);
  });

  it('queues a decision taken in the console for a Slack author, says so, and a later process running Slack delivers it', async () => {
    const url = await freshSqliteUrl();
    // Opened and closed here, as a console process would: not closed again after the test.
    const consoleProcess = await openStore(url);
    const { bot: consoleBot } = await botOver(consoleProcess);
    const received = renderText(
      await consoleBot.answer('news Seoul hosts the next Global Social Economy Forum.', slackAuthor),
    );
    expect(received).toContain('#1');
    const decision = renderText(await consoleBot.answer('newsletter approve 1', consoleEditor));
    expect(decision).toContain('#1 approved');
    expect(decision).toContain('queued for delivery');
    expect(decision).not.toContain('has been told');
    expect((await consoleProcess.notices.list()).map((n) => n.recipient)).toEqual([
      { platform: 'slack', kind: 'channel', id: 'CEDITORS' },
      { platform: 'slack', kind: 'person', id: 'UFR' },
    ]);
    await consoleBot.services.outbox.stop();
    await consoleProcess.close();

    const fake = await fakeSlack();
    const slackProcess = await open(url);
    const { bot } = await botOver(slackProcess);
    await runSlack(bot, fake);
    const dm = await waitFor(() => postsTo(fake, 'DUFR')[0], 'the DM to the author');
    expect(String(dm.body.text)).toContain('#1');
    await waitFor(() => postsTo(fake, 'CEDITORS')[0], 'the editorial notice');
    await outboxEmptied(slackProcess);
  });

  it('two instances sharing a PostgreSQL store post each notice once', async () => {
    const url = await freshPostgresUrl();
    const fake = await fakeSlack();
    const shared = await open(url);
    const [a, b] = [await botOver(shared), await botOver(await open(url))];
    await Promise.all([runSlack(a.bot, fake), runSlack(b.bot, fake)]);
    const count = 12;
    await Promise.all(
      Array.from({ length: count }, (_, i) =>
        (i % 2 ? a : b).bot.answer(`news Member city number ${i} opens a cooperative bank.`, {
          ...slackAuthor,
          id: `U${i}`,
        }),
      ),
    );
    await waitFor(() => postsTo(fake, 'CEDITORS').length >= count, `${count} editorial notices`);
    await outboxEmptied(shared);
    const titles = postsTo(fake, 'CEDITORS').map((c) => String(c.body.text));
    expect(titles).toHaveLength(count);
    expect(new Set(titles).size).toBe(count);
  });
});
