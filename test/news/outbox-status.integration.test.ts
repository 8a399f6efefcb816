import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { reply } from '../../src/reply/reply.js';
import { openStore } from '../../src/store/open-store.js';
import { freshSqliteUrl } from '../support/store-fixtures.js';
import { DATA_DIR } from '../support/test-bot.js';

// The compiled CLI, as `npx gsef` runs it (npm test builds it first).
const BIN = path.resolve(import.meta.dirname, '../../bin/gsef.js');
const run = promisify(execFile);

// Runs the compiled CLI: on a busy machine a start alone can take seconds.
describe('gsef reminders --status', { timeout: 60_000 }, () => {
  it('lists the newsletter notices waiting for delivery: where to, since when, the attempts and the last error', async () => {
    const url = await freshSqliteUrl();
    const store = await openStore(url);
    await store.notices.add(
      { platform: 'slack', kind: 'channel', id: 'CEDITORS' },
      reply('ok', 'New news #1 from Ana'),
      Date.parse('2027-01-02T03:04:05Z'),
    );
    await store.notices.add(
      { platform: 'discord', kind: 'person', id: '42' },
      reply('ok', 'Good news: your news #1 was approved'),
      Date.parse('2027-01-02T03:05:00Z'),
    );
    const [claimed] = await store.notices.claim('slack', 'a process', Date.parse('2027-01-02T03:06:00Z'), 60_000, 1);
    await store.notices.failed(
      claimed!,
      'a process',
      'An API error occurred: not_in_channel',
      Date.parse('2027-01-02T03:07:00Z'),
    );
    await store.close();

    const { stdout } = await run(process.execPath, [BIN, 'reminders', '--status'], {
      env: { ...process.env, GSEF_DATA_DIR: DATA_DIR, GSEF_STORE_URL: url, GSEF_NOW: '2027-01-01' },
    });
    const lines = stdout.split('\n');
    expect(lines).toContain('outbox: 2 newsletter notice(s) waiting for delivery by a process running their platform');
    expect(lines).toContain(
      '  #1  slack channel CEDITORS  queued 2027-01-02T03:04:05Z  attempts 1  last error: An API error occurred: not_in_channel  "New news #1 from Ana"',
    );
    expect(lines).toContain(
      '  #2  discord person 42  queued 2027-01-02T03:05:00Z  attempts 0  "Good news: your news #1 was approved"',
    );
    // What --status said before goes on being said.
    expect(stdout).toContain('next: 2027-01-11T09:00:00+09:00');
  });
});
