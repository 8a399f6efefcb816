import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../platforms/slack/fake-slack-api.js';
import { DATA_DIR } from '../support/test-bot.js';
import { runNode } from '../support/run-child.js';

// The server as `npm start` runs it: bundled (test/support/build-program.ts makes the bundle current).
const MAIN = path.resolve(import.meta.dirname, '../../dist/bundle/main.js');
const BIN = path.resolve(import.meta.dirname, '../../bin/gsef.js');

const slack = await FakeSlackApi.start();
afterAll(async () => {
  await slack.close();
});

/** Slack over HTTP against the fake: on today's main, it connected before a later setting failed. */
const slackOn = () => ({
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: 'test-secret',
  SLACK_API_URL: slack.apiUrl,
  PORT: '0',
  HOST: '127.0.0.1',
});

function start(env: NodeJS.ProcessEnv) {
  return runNode([MAIN], { GSEF_DATA_DIR: DATA_DIR, GSEF_STORE_URL: 'memory://', ...env });
}

/** One line, `Cannot start: VARIABLE: …`, exit 2, and nothing asked of Slack. */
async function expectRefused(env: NodeJS.ProcessEnv, variable: string, also?: RegExp) {
  const before = slack.arrived.length;
  const { code, stderr } = await start(env);
  expect(code).toBe(2);
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toEqual([expect.stringMatching(new RegExp(`^Cannot start: ${variable}: `))]);
  if (also) expect(lines[0]).toMatch(also);
  expect(lines[0]!.length).toBeLessThan(400);
  expect(slack.arrived.slice(before)).toEqual([]);
}

describe('start-up reads and checks every setting before anything starts', () => {
  it.each([
    ['GSEF_REMINDER_LANGUAGES', { ...slackOn(), GSEF_REMINDER_LANGUAGES: 'en,de' }],
    ['GSEF_REMINDER_SLACK_CHANNEL', { ...slackOn(), GSEF_REMINDER_SLACK_CHANNEL: '#general' }],
    ['GSEF_REMINDER_DISCORD_CHANNEL', { ...slackOn(), GSEF_REMINDER_DISCORD_CHANNEL: 'general' }],
    ['HOST', { ...slackOn(), HOST: 'no such host!' }],
    ['HOST', { ...slackOn(), HOST: '203.0.113.7' }],
    ['PORT', { ...slackOn(), PORT: '99999' }],
    ['PORT', { ...slackOn(), PORT: 'abc' }],
    ['GSEF_LOG_LEVEL', { ...slackOn(), GSEF_LOG_LEVEL: 'verbose' }],
    ['GSEF_STORE_URL', { ...slackOn(), GSEF_STORE_URL: 'mysql://db/gsef' }],
    ['GSEF_NOW', { ...slackOn(), GSEF_NOW: '2'.repeat(100_000) }],
    ['GSEF_TZ', { ...slackOn(), GSEF_TZ: 'A'.repeat(100_000) }],
    ['DISCORD_APPLICATION_ID', { ...slackOn(), DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: 'abc' }],
  ])('refuses a bad %s in one line, exit 2, before Slack is called', { timeout: 60_000 }, async (variable, env) => {
    await expectRefused(env, variable);
  });

  it('names GSEF_DATA_DIR when it is a file', { timeout: 60_000 }, async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'gsef-dir-')), 'data');
    await writeFile(file, 'not a folder');
    const { code, stderr } = await start({ GSEF_DATA_DIR: file });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Cannot start: \S+data: is a file: the data folder \(GSEF_DATA_DIR\) must be a folder/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('a token with a line break or a non-ASCII character', () => {
  // On the original code these reached an HTTP header: warnings and a two-line error quoting the
  // token, blaming SLACK_API_URL (Slack) or naming no variable at all (Discord).
  const secret = 'hunter2zq0123456789';
  it.each([
    ['SLACK_BOT_TOKEN', { ...slackOn(), SLACK_BOT_TOKEN: `xoxb-1234-${secret}\nx` }],
    ['SLACK_BOT_TOKEN', { ...slackOn(), SLACK_BOT_TOKEN: `xoxb-1234-${secret}€` }],
    ['SLACK_APP_TOKEN', { ...slackOn(), SLACK_APP_TOKEN: `xapp-1-${secret}\nx` }],
    ['SLACK_SIGNING_SECRET', { ...slackOn(), SLACK_SIGNING_SECRET: `${secret}\n` }],
    [
      'DISCORD_TOKEN',
      {
        DISCORD_TOKEN: `abc${secret}\ndef`,
        DISCORD_APPLICATION_ID: '123456789012345678',
        DISCORD_API_URL: 'http://127.0.0.1:1',
      },
    ],
  ])('%s: exit 2, one line naming it, the token shown nowhere', { timeout: 60_000 }, async (variable, env) => {
    await expectRefused(env, variable);
    const { stdout, stderr } = await start(env);
    expect(stdout + stderr).not.toContain(secret.slice(0, 6));
  });
});

describe('a data folder named with a line break', () => {
  it('is named on one line, the line break shown as \\n', { timeout: 60_000 }, async () => {
    const { code, stderr } = await start({ GSEF_DATA_DIR: `${DATA_DIR}\n` });
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          String.raw`^Cannot start: \S*${path.basename(DATA_DIR)}\\n: does not exist: the data folder \(GSEF_DATA_DIR\)`,
        ),
      ),
    ]);
  });
});

describe('store URLs in errors', () => {
  // Every credential form, none of them reachable (port 1): the error must show none of the secrets.
  it.each([
    ['postgres://gsef:hunter2@127.0.0.1:1/gsef', ['hunter2']],
    ['postgres://gsef:p@ss@127.0.0.1:1/gsef', ['p@ss', 'ss@']],
    ['postgres://gsef@127.0.0.1:1/gsef?password=hunter2', ['hunter2']],
    ['postgres://gsef@127.0.0.1:1/gsef?sslpassword=hunter2&sslmode=disable', ['hunter2']],
    ['redis://:hunter2@127.0.0.1:1', ['hunter2']],
    ['redis://s3cr3t-token@127.0.0.1:1', ['s3cr3t-token']],
    ['postgres://gsef:hunter2@[::1:1/gsef', ['hunter2']],
  ])('%s: exit 2, one line, no secret', { timeout: 60_000 }, async (url, secrets) => {
    for (const run of [
      () => start({ GSEF_STORE_URL: url }),
      () => runNode([BIN, 'next-event'], { GSEF_DATA_DIR: DATA_DIR, GSEF_STORE_URL: url }),
    ]) {
      const { code, stdout, stderr } = await run();
      expect(code).toBe(2);
      expect(stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/GSEF_STORE_URL: /)]);
      for (const secret of secrets) expect(stdout + stderr).not.toContain(secret);
    }
  });
});

describe('gsef … | head, npm start … | head', () => {
  it.each([
    ['gsef events', [BIN, 'events', '--json']],
    ["npm start's console", [MAIN]],
  ])('%s exits quietly when the reader has gone', { timeout: 60_000 }, async (_, args) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, GSEF_DATA_DIR: DATA_DIR, GSEF_STORE_URL: 'memory://', GSEF_NOW: '2019-01-01' },
    });
    // The reader closes before the first byte, as `| head -0` or a consumer that quit does.
    child.stdout.destroy();
    child.stdin.on('error', () => {}); // the process may be gone before it reads its input
    child.stdin.end('events\nhelp\n');
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
