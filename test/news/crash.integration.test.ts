import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/reply/reply.js';
import { freshPostgresUrl, freshRedisUrl } from '../support/fresh-databases.js';
import { startNode } from '../support/run-child.js';
import { DATA_DIR } from '../support/test-bot.js';
import { waitFor } from '../support/wait-for.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/gsef.js');

/** How many acknowledgements the console has printed so far. */
function acknowledgements(output: string): number {
  return output.match(/queue as #\d+\./g)?.length ?? 0;
}

/**
 * Runs the console as `author` and sends it its first line; once that is acknowledged, sends all
 * the others but the last at once, as a stream of submissions, and kills the process with SIGKILL
 * as soon as `killAfter` of them are acknowledged: it is then in the middle of the next ones. The
 * last line is never sent, so that whatever the machine's speed, not everything is acknowledged.
 * Returns what it printed.
 */
async function submitAndKill(
  env: NodeJS.ProcessEnv,
  author: string,
  lines: string[],
  killAfter: number,
): Promise<string> {
  const child = startNode([BIN, '--as', author], env);
  child.stdin.write(`${lines[0]}\n`);
  await waitFor(() => acknowledgements(child.stdout()) >= 1, 'the first acknowledgement');
  child.stdin.write(
    lines
      .slice(1, -1)
      .map((line) => `${line}\n`)
      .join(''),
  );
  await waitFor(() => acknowledgements(child.stdout()) >= killAfter, `${killAfter} acknowledgements`);
  await child.kill();
  return child.stdout();
}

describe('news durability', () => {
  it.each([
    ['SQLite', async () => `sqlite://${await mkdtemp(path.join(tmpdir(), 'gsef-crash-'))}/gsef.sqlite`],
    ['PostgreSQL', freshPostgresUrl],
    ['Redis', freshRedisUrl],
  ])(
    'in %s: after SIGKILL in the middle of a stream of submissions, every acknowledged item is in the queue, exactly once',
    async (_, freshUrl) => {
      const env = { ...process.env, GSEF_DATA_DIR: DATA_DIR, GSEF_STORE_URL: await freshUrl(), GSEF_NOW: '2026-11-10' };
      const acknowledged = new Map<number, string>();
      for (let round = 1; round <= 4; round++) {
        const texts = Array.from(
          { length: 20 },
          (_, i) => `Round ${round}, item ${i + 1}: a cooperative opened in our city this month.`,
        );
        // After 1 to 18 acknowledgements: at a different point of the stream each time.
        const output = await submitAndKill(
          env,
          `member-${round}`,
          texts.map((t) => `news ${t}`),
          1 + Math.floor(Math.random() * (texts.length - 2)),
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
