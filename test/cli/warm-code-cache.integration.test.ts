// `npm install` and `npm run build` end by answering once (bin/warm-code-cache.js), so that the
// CLI's code cache holds what an answer runs, not what the first command after the build ran.
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../support/test-data.js';
import { runNode } from '../support/run-child.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WARM = path.join(ROOT, 'bin/warm-code-cache.js');
const GSEF = path.join(ROOT, 'bin/gsef.js');

async function codeCaches(folder: string): Promise<string[]> {
  return (await readdir(folder)).filter((name) => name.startsWith('code-')).map((name) => path.join(folder, name));
}

describe('the build step that makes the CLI code cache', { timeout: 120_000 }, () => {
  it('replaces a cache made by a command that answered nothing with one that answers, which the next answers use', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'gsef-warm-code-'));
    const env = { GSEF_DATA_DIR: DATA_DIR, GSEF_CACHE_DIR: cacheDir, GSEF_STORE_URL: 'memory://' };
    // `--help` runs the modules' top levels and no answer: the cache it leaves holds a third less.
    expect(await runNode([GSEF, '--help'], env)).toMatchObject({ code: 0 });
    const [afterHelp] = await codeCaches(cacheDir);
    const helpSize = (await stat(afterHelp!)).size;

    expect(await runNode([WARM], env)).toMatchObject({ code: 0, stderr: '' });
    const [warmed, ...others] = await codeCaches(cacheDir);
    expect({ warmed, others }).toEqual({ warmed: afterHelp, others: [] });
    const made = await stat(warmed!);
    expect(made.size).toBeGreaterThan(helpSize * 1.3);

    const answer = await runNode([GSEF, 'next-event', '--now', '2019-05-10'], env);
    expect(answer).toMatchObject({ code: 0, stderr: '' });
    expect(answer.stdout).toContain('RENAPESS General Assembly');
    // Used as it is: not written again.
    expect((await stat(warmed!)).mtimeMs).toBe(made.mtimeMs);
  });

  it('does not fail the build when no answer can be made, and says why in one line', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'gsef-warm-code-'));
    const missing = path.join(cacheDir, 'no-such-data');
    const warmed = await runNode([WARM], { GSEF_DATA_DIR: missing, GSEF_CACHE_DIR: cacheDir });
    expect(warmed.code).toBe(0);
    expect(warmed.stderr).toMatch(
      /^gsef: the CLI's code cache was not made \(it will be at the first run\): gsef: .+\n$/,
    );
    // The run that failed still wrote what it compiled: the next run uses it, as any first run would.
    expect(await codeCaches(cacheDir)).toHaveLength(1);
    expect((await readFile((await codeCaches(cacheDir))[0]!)).length).toBeGreaterThan(32);
  });
});
