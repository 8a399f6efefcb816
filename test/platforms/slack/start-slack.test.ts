import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { silentLogger } from '../../../src/logger.js';
import { startSlack } from '../../../src/platforms/slack/start-slack.js';
import { botAt } from '../../support/test-bot.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { FAST_RETRIES, SIGNING_SECRET, startTestSlack } from './slack-test-kit.js';

let fake: FakeSlackApi;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
});

afterAll(async () => {
  await fake.close();
});

async function startError(
  apiUrl: string,
  connection: Parameters<typeof startSlack>[1]['connection'],
): Promise<unknown> {
  const bot = await botAt('2019-05-10');
  return startSlack(bot, { botToken: 'xoxb-test', connection, apiUrl }, silentLogger, {
    retryConfig: FAST_RETRIES,
  }).then(
    async (platform) => {
      await platform.stop();
      return undefined;
    },
    (error: unknown) => error,
  );
}

/** Runs `test` while the fake answers `method` with `{ ok: false, error }`. */
async function whileRefusing<T>(method: string, error: string, test: () => Promise<T>): Promise<T> {
  fake.refusals.set(method, error);
  try {
    return await test();
  } finally {
    fake.refusals.delete(method);
  }
}

const http = { kind: 'http' as const, signingSecret: SIGNING_SECRET, port: 0, host: '127.0.0.1' };

describe('starting Slack', () => {
  it('stops with the variable to fix when Slack refuses the bot token', async () => {
    const error = await whileRefusing('auth.test', 'invalid_auth', () => startError(fake.apiUrl, http));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('SLACK_BOT_TOKEN');
    expect((error as ConfigError).message).toContain('invalid_auth');
  });

  it('stops with the variable to fix when Slack refuses the app token', async () => {
    const error = await whileRefusing('apps.connections.open', 'invalid_auth', () =>
      startError(fake.apiUrl, { kind: 'socket', appToken: 'xapp-test' }),
    );
    expect((error as ConfigError).variable).toBe('SLACK_APP_TOKEN');
  });

  it('names SLACK_API_URL when nothing answers there', async () => {
    const closed = await FakeSlackApi.start();
    const unreachable = closed.apiUrl;
    await closed.close();
    const error = await startError(unreachable, http);
    expect((error as ConfigError).variable).toBe('SLACK_API_URL');
  });

  it('names PORT when the port is taken', async () => {
    const running = await startTestSlack(fake);
    try {
      const error = await startError(fake.apiUrl, { ...http, port: running.platform.address!.port });
      expect((error as ConfigError).variable).toBe('PORT');
    } finally {
      await running.platform.stop();
    }
  });
});
