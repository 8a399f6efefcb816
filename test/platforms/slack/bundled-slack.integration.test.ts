import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNode } from '../../support/run-child.js';
import { DATA_DIR } from '../../support/test-bot.js';
import { waitFor } from '../../support/wait-for.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { FakeSocketMode } from './fake-socket-mode.js';
import {
  acknowledgementOf,
  postSigned,
  SIGNING_SECRET,
  slackPlainText,
  slashCommandFields,
  slashCommandBody,
} from './slack-test-kit.js';

// The server as `npm start` runs it: bundled (test/support/build-program.ts makes the bundle
// current). The bundle loads Bolt's Socket Mode receiver and its OAuth library only when used
// (bin/lazy-requires.js): both ways of reaching Slack must still answer.
const MAIN = path.resolve(import.meta.dirname, '../../../dist/bundle/main.js');

let fake: FakeSlackApi;
beforeAll(async () => {
  fake = await FakeSlackApi.start();
});
afterAll(async () => {
  await fake?.close();
});

/** `npm start`'s program on Slack, its clock at the seed's 10 May 2019, logging its connection. */
function startBundled(env: NodeJS.ProcessEnv) {
  return startNode([MAIN], {
    GSEF_DATA_DIR: DATA_DIR,
    GSEF_STORE_URL: 'memory://',
    GSEF_NOW: '2019-05-10',
    GSEF_LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_API_URL: fake.apiUrl,
    ...env,
  });
}

/** The fields of the line the bot logs once Slack is connected (its logs are JSON lines), if logged yet. */
function connectionLog(stderr: string): { mode?: string; address?: string } | undefined {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { message?: string; mode?: string; address?: string })
    .find((entry) => entry.message === 'Slack is connected');
}

describe('the bundled server on Slack', { timeout: 120_000 }, () => {
  it('in Socket Mode, connects and answers /gsef in the acknowledgement', async () => {
    const socketMode = await FakeSocketMode.start(fake);
    try {
      const bot = startBundled({ SLACK_APP_TOKEN: 'xapp-test' });
      const connected = await waitFor(() => connectionLog(bot.stderr()), 'the connection');
      expect(connected.mode).toBe('socket');
      socketMode.socket.send(
        JSON.stringify({
          envelope_id: 'bundled-1',
          type: 'slash_commands',
          accepts_response_payload: true,
          payload: slashCommandFields(fake, 'next-event africa', 'U1', 'bundled-socket'),
        }),
      );
      const ack = await waitFor(
        () => socketMode.received.find((frame) => frame.envelope_id === 'bundled-1'),
        'the ack',
      );
      expect(slackPlainText((ack.payload as { blocks: unknown }).blocks)).toContain('Africa Policy Dialogue');
    } finally {
      await socketMode.close();
    }
  });

  it('over HTTP, answers a signed /gsef', async () => {
    const bot = startBundled({ SLACK_SIGNING_SECRET: SIGNING_SECRET, PORT: '0', HOST: '127.0.0.1' });
    const address = await waitFor(() => connectionLog(bot.stderr())?.address, 'the address it listens on');
    const response = await postSigned(
      `http://${address}`,
      slashCommandBody(fake, 'next-event africa', 'U1', 'bundled-http'),
    );
    expect(response.status).toBe(200);
    const answer = await acknowledgementOf(response);
    expect(slackPlainText(answer?.blocks)).toContain('Africa Policy Dialogue');
  });
});
