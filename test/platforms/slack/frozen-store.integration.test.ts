import { afterEach, describe, expect, it } from 'vitest';
import { startSlack, type SlackAdapter } from '../../../src/platforms/slack/start-slack.js';
import { freshPostgresUrl } from '../../support/fresh-databases.js';
import { freezingProxy, throughProxy, type FreezingProxy } from '../../support/freezing-proxy.js';
import { storesClosedAfterEach } from '../../support/store-fixtures.js';
import { botAt } from '../../support/test-bot.js';
import { pollUntil, waitFor } from '../../support/wait-for.js';
import { FakeSlackApi } from './fake-slack-api.js';
import {
  acknowledgementOf,
  FAST_RETRIES,
  postSigned,
  recordingLogger,
  SIGNING_SECRET,
  slashCommandBody,
} from './slack-test-kit.js';

/**
 * PostgreSQL stops answering without closing its connections (SIGSTOP, a silent network): a member
 * who sends a slash command still gets Slack's acknowledgement without the store, then the apology
 * through the response URL, instead of an answer that never comes; once the server answers, so
 * does the bot.
 */
const open = storesClosedAfterEach();
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('a slash command while the PostgreSQL store is frozen', () => {
  it(
    'is acknowledged while the store is frozen, answered with an apology, and answered normally once the store is back',
    { timeout: 60_000 },
    async () => {
      const url = await freshPostgresUrl();
      const target = new URL(url);
      const proxy: FreezingProxy = await freezingProxy({ host: target.hostname, port: Number(target.port) });
      cleanups.push(() => proxy.close());
      const store = await open(throughProxy(url, proxy));
      const fake = await FakeSlackApi.start();
      cleanups.push(() => fake.close());
      const { logger } = recordingLogger();
      const bot = await botAt('2019-05-10', logger, store);
      const platform: SlackAdapter = await startSlack(
        bot,
        {
          botToken: 'xoxb-test',
          connection: { kind: 'http', signingSecret: SIGNING_SECRET, port: 0, host: '127.0.0.1' },
          apiUrl: fake.apiUrl,
        },
        logger,
        { retryConfig: FAST_RETRIES, reconnectDelayMs: () => 10 },
      );
      bot.services.outbox.attach(platform);
      cleanups.push(() => platform.stop());
      const slack = `http://127.0.0.1:${platform.address!.port}`;

      proxy.freeze();
      cleanups.push(async () => proxy.thaw());
      const response = await postSigned(
        slack,
        slashCommandBody(fake, 'news The City of Bamako opens a social economy incubator.', 'U7', 'frozen'),
      );
      expect(response.status).toBe(200);
      // Empty, and while the store is still frozen: the acknowledgement waited for nothing the store holds.
      expect(await acknowledgementOf(response)).toBeUndefined();
      const apology = await waitFor(() => fake.responses('frozen')[0], 'the apology through the response URL');
      // The store timed out: the apology says so, and that trying again in a minute should work.
      expect(String(apology.text)).toContain("the bot's storage is not answering just now");

      proxy.thaw();
      // The pool may first hand out connections that went bad while frozen: asked again until answered.
      let attempt = 0;
      await pollUntil(async () => {
        const id = `after-${++attempt}`;
        const ack = await acknowledgementOf(
          await postSigned(
            slack,
            slashCommandBody(fake, 'news Montréal funds twelve new cooperatives this year.', 'U8', id),
          ),
        );
        const answer = JSON.stringify(ack ?? (await waitFor(() => fake.responses(id)[0], 'the answer')));
        return /#\d/.test(answer) && answer;
      }, 'a normal answer (#N) once the store is back');
    },
  );
});
