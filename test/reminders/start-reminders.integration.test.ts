import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../platforms/slack/fake-slack-api.js';
import { freshPostgresUrl, freshRedisUrl } from '../support/fresh-databases.js';
import { startNode, type RunningNode } from '../support/run-child.js';
import { DATA_DIR } from '../support/test-bot.js';
import { waitFor } from '../support/wait-for.js';

// The server as `npm start` runs it: bundled (test/support/build-program.ts makes the bundle current).
const MAIN = path.resolve(import.meta.dirname, '../../dist/bundle/main.js');
const BIN = path.resolve(import.meta.dirname, '../../bin/gsef.js');

/** The line the runner logs once a pass with due reminders is over: posted, found, or left to another instance. */
const PASS_DONE = '"message":"reminder pass done"';

/** `npm start`'s entry point, running until killed, logging at info level so that its passes can be watched. */
function start(env: NodeJS.ProcessEnv): RunningNode {
  return startNode([MAIN], { GSEF_DATA_DIR: DATA_DIR, GSEF_LOG_LEVEL: 'info', ...env });
}

/** Runs `npm start`'s entry point until it has finished a pass with due reminders, then kills it; returns what it printed. */
async function runOnePass(env: NodeJS.ProcessEnv): Promise<string> {
  const bot = start(env);
  await waitFor(() => bot.stderr().includes(PASS_DONE), 'a reminder pass');
  await bot.kill();
  return bot.stdout();
}

// Each test starts the real program, once or twice: on a busy machine a start alone can take many seconds.
describe('npm start with reminders', { timeout: 150_000 }, () => {
  it('posts a reminder when it falls due, from GSEF_NOW onwards, and not again after a restart', async () => {
    const store = `sqlite://${await mkdtemp(path.join(tmpdir(), 'gsef-start-'))}/gsef.sqlite`;
    // Two seconds before the 14-day reminder of the first meeting of 2027 (11 January, 09:00 Seoul).
    const first = await runOnePass({ GSEF_STORE_URL: store, GSEF_NOW: '2027-01-11T08:59:58+09:00' });
    expect(first.match(/Reminder: Steering Committee, Q1 2027, in 14 days/g)).toHaveLength(1);
    expect(first).toContain('last week of January 2027 (25 – 31 January 2027), exact date to be confirmed');
    const second = await runOnePass({ GSEF_STORE_URL: store, GSEF_NOW: '2027-01-11T09:00:30+09:00' });
    expect(second).not.toContain('Reminder:');
  });

  it('posts a reminder missed while the bot was down, marked late, if its meeting has not begun', async () => {
    const store = `sqlite://${await mkdtemp(path.join(tmpdir(), 'gsef-start-'))}/gsef.sqlite`;
    const output = await runOnePass({ GSEF_STORE_URL: store, GSEF_NOW: '2027-01-12T10:00:00+09:00' });
    expect(output).toContain('Reminder: Steering Committee, Q1 2027, in 14 days');
    expect(output).toContain('This reminder is late');
  });

  it.each([
    ['PostgreSQL', freshPostgresUrl],
    ['Redis', freshRedisUrl],
  ])('two instances sharing one %s store post each reminder once between them', async (_, freshUrl) => {
    const env = { GSEF_STORE_URL: await freshUrl(), GSEF_NOW: '2027-01-11T08:59:58+09:00' };
    const outputs = await Promise.all([runOnePass(env), runOnePass(env)]);
    expect(outputs.join('').match(/Reminder: Steering Committee, Q1 2027, in 14 days/g)).toHaveLength(1);
  });

  it('after being killed while Slack was taking a reminder, finds it in the channel on restart and does not post it again', async () => {
    const slack = await FakeSlackApi.start();
    try {
      const steering = 'CSTEERING';
      const env = {
        GSEF_STORE_URL: `sqlite://${await mkdtemp(path.join(tmpdir(), 'gsef-start-'))}/gsef.sqlite`,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'test-signing-secret',
        SLACK_API_URL: slack.apiUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        GSEF_REMINDER_SLACK_CHANNEL: steering,
        GSEF_REMINDER_LANGUAGES: 'en',
      };
      // Slack holds the post; the bot is killed meanwhile; then Slack completes it, as a slow
      // Slack would: the message is in the channel, and the bot never heard so.
      const release = slack.hold('chat.postMessage');
      const first = start({ ...env, GSEF_NOW: '2027-01-11T08:59:58+09:00' });
      await waitFor(() => slack.arrived.includes('chat.postMessage'), 'the reminder post');
      await first.kill();
      release();
      await waitFor(() => slack.callsTo('chat.postMessage').length === 1, 'the held post to complete');
      // Restarted once the dead process's claim has lapsed (five minutes): it looks in the channel.
      const second = start({ ...env, GSEF_NOW: '2027-01-11T09:06:00+09:00' });
      await waitFor(
        () => slack.callsTo('conversations.history').some((c) => c.body.channel === steering),
        'the look in the channel',
      );
      // Once its pass is over, it has posted or it never will.
      await waitFor(() => second.stderr().includes(PASS_DONE), 'the end of the pass');
      await second.kill();
      expect(slack.callsTo('chat.postMessage').filter((c) => c.body.channel === steering)).toHaveLength(1);
      const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'reminders', '--status'], {
        env: { ...process.env, GSEF_DATA_DIR: DATA_DIR, ...env },
      });
      expect(stdout).toMatch(
        /^posted +2027-01-11T09:00:00\.000\+09:00 +sc-2027-q1@2027-01-25\/P14D\/slack:CSTEERING {2}\(found in the channel, not posted again\)$/m,
      );
    } finally {
      await slack.close();
    }
  });
});
