import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshPostgresUrl, freshRedisUrl } from '../support/fresh-databases.js';
import { DATA_DIR } from '../support/test-bot.js';

const MAIN = path.resolve(import.meta.dirname, '../../dist/src/main.js');

/** Runs `npm start`'s entry point for `ms`, then stops it (SIGKILL, as a crash would); returns its output. */
function runFor(ms: number, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, GSEF_DATA_DIR: DATA_DIR, ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => resolve(output));
  });
}

describe('npm start with reminders', () => {
  it('posts a reminder when it falls due, from GSEF_NOW onwards, and not again after a restart', async () => {
    const store = `sqlite://${await mkdtemp(path.join(tmpdir(), 'gsef-start-'))}/gsef.sqlite`;
    // Two seconds before the 14-day reminder of the first meeting of 2027 (11 January, 09:00 Seoul).
    const first = await runFor(5000, { GSEF_STORE_URL: store, GSEF_NOW: '2027-01-11T08:59:58+09:00' });
    expect(first.match(/Reminder: Steering Committee, Q1 2027, in 14 days/g)).toHaveLength(1);
    expect(first).toContain('last week of January 2027 (25 – 31 January 2027), exact date to be confirmed');
    const second = await runFor(3000, { GSEF_STORE_URL: store, GSEF_NOW: '2027-01-11T09:00:30+09:00' });
    expect(second).not.toContain('Reminder:');
  });

  it('posts a reminder missed while the bot was down, marked late, if its meeting has not begun', async () => {
    const store = `sqlite://${await mkdtemp(path.join(tmpdir(), 'gsef-start-'))}/gsef.sqlite`;
    const output = await runFor(3000, { GSEF_STORE_URL: store, GSEF_NOW: '2027-01-12T10:00:00+09:00' });
    expect(output).toContain('Reminder: Steering Committee, Q1 2027, in 14 days');
    expect(output).toContain('This reminder is late');
  });

  it.each([
    ['PostgreSQL', freshPostgresUrl],
    ['Redis', freshRedisUrl],
  ])('two instances sharing one %s store post each reminder once between them', async (_, freshUrl) => {
    const env = { GSEF_STORE_URL: await freshUrl(), GSEF_NOW: '2027-01-11T08:59:58+09:00' };
    const outputs = await Promise.all([runFor(5000, env), runFor(5000, env)]);
    expect(outputs.join('').match(/Reminder: Steering Committee, Q1 2027, in 14 days/g)).toHaveLength(1);
  });
});
