import { execFile, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/reply/reply.js';
import { freshPostgresUrl, freshRedisUrl } from '../support/fresh-databases.js';
import { DATA_DIR } from '../support/test-bot.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/gsef.js');

/**
 * Runs the console as `author` and sends it its first line; once that is acknowledged, sends the
 * others one every 2 ms, as a stream of submissions, and kills the process with SIGKILL
 * `killAfterMs` later, mid-stream. Returns what it printed.
 */
function submitAndKill(env: NodeJS.ProcessEnv, author: string, lines: string[], killAfterMs: number): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, '--as', author], { env });
    let output = '';
    let killer: NodeJS.Timeout | undefined;
    let feeder: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killer || !output.includes('queue as #')) return;
      let next = 1;
      feeder = setInterval(
        () => (next < lines.length ? child.stdin.write(`${lines[next++]}\n`) : clearInterval(feeder)),
        2,
      );
      killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stdin.on('error', () => {}); // the pipe breaks when the process is killed
    child.stdin.write(`${lines[0]}\n`);
    child.on('exit', () => {
      clearTimeout(killer);
      clearInterval(feeder);
      resolve(output);
    });
  });
}

describe('news durability', () => {
  it.each([
    ['SQLite', async () => `sqlite://${await mkdtemp(path.join(tmpdir(), 'gsef-crash-'))}/gsef.sqlite`],
    ['PostgreSQL', freshPostgresUrl],
    ['Redis', freshRedisUrl],
  ])(
    'in %s: after SIGKILL at random moments, every acknowledged item is in the queue, exactly once',
    async (_, freshUrl) => {
      const env = { ...process.env, GSEF_DATA_DIR: DATA_DIR, GSEF_STORE_URL: await freshUrl(), GSEF_NOW: '2026-11-10' };
      const acknowledged = new Map<number, string>();
      for (let round = 1; round <= 4; round++) {
        const texts = Array.from(
          { length: 20 },
          (_, i) => `Round ${round}, item ${i + 1}: a cooperative opened in our city this month.`,
        );
        const output = await submitAndKill(
          env,
          `member-${round}`,
          texts.map((t) => `news ${t}`),
          5 + Math.floor(Math.random() * 30),
        );
        // The console answers in order, so the k-th acknowledgement is for the k-th line.
        [...output.matchAll(/queue as #(\d+)\./g)].forEach((match, k) => acknowledged.set(Number(match[1]), texts[k]!));
      }
      // Killed mid-stream: some items were acknowledged, not all of them.
      expect(acknowledged.size).toBeGreaterThan(0);
      expect(acknowledged.size).toBeLessThan(80);

      const { stdout } = await promisify(execFile)(
        process.execPath,
        [BIN, 'newsletter', 'queue', 'pending', '--json'],
        { env },
      );
      const queue = JSON.parse(stdout) as Reply;
      const items = queue.blocks.flatMap((b) => (b.type === 'list' ? b.items : []));
      const texts = items.map((i) => i.details[0]);
      for (const [number, text] of acknowledged) {
        expect(items.find((i) => i.title.startsWith(`#${number} `))?.details[0], `#${number}`).toBe(text);
      }
      expect(new Set(texts).size).toBe(texts.length);
      // Five processes start one after another: on a busy machine each start alone can take seconds.
    },
    120_000,
  );
});
