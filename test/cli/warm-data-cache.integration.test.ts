// `npm install` and `npm run build` end by reading the data into its cache (bin/warm-data-cache.js),
// so that the first start after them finds the data parsed and checked; they never fail on the data.
import { appendFile, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfTestData, DATA_DIR } from '../support/test-data.js';
import { runNode } from '../support/run-child.js';
import { runNodeRecordingLoads } from './module-loads.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WARM = path.join(ROOT, 'bin/warm-data-cache.js');
const GSEF = path.join(ROOT, 'bin/gsef.js');

describe('the build step that fills the data cache', { timeout: 120_000 }, () => {
  it('caches the data folder, so that the first answer after it parses no YAML', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'gsef-warm-'));
    const env = { GSEF_DATA_DIR: DATA_DIR, GSEF_CACHE_DIR: cacheDir, GSEF_STORE_URL: 'memory://' };
    const warmed = await runNode([WARM], env);
    expect(warmed).toMatchObject({ code: 0, stderr: '' });
    expect(await readdir(cacheDir)).toEqual([expect.stringMatching(/^catalog-\w+\.json$/)]);
    const answer = await runNodeRecordingLoads(
      [GSEF, 'next-event', '--now', '2019-05-10'],
      env,
      /\/node_modules\/yaml\//,
    );
    expect(answer).toMatchObject({ code: 0, stderr: '' });
    expect(answer.stdout).toContain('RENAPESS General Assembly');
    expect(answer.loaded).toEqual([]);
  });

  it('does not fail the build on data with problems: it names the first and leaves the rest to check-data', async () => {
    const dataDir = await copyOfTestData();
    await appendFile(path.join(dataDir, 'events.yaml'), 'broken: [\n');
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'gsef-warm-'));
    const warmed = await runNode([WARM], { GSEF_DATA_DIR: dataDir, GSEF_CACHE_DIR: cacheDir });
    expect(warmed.code).toBe(0);
    expect(warmed.stderr).toMatch(
      /^gsef: the data in .* was not cached: .*events\.yaml:\d+:\d+: YAML syntax error: .*; `gsef check-data` lists every problem\n$/,
    );
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('prints a data folder named with control characters on one line, escaped, never as terminal codes', async () => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'gsef-warm-'));
    const warmed = await runNode([WARM], {
      GSEF_DATA_DIR: '/tmp/no-such\u001b[31mdata\nfolder',
      GSEF_CACHE_DIR: cacheDir,
    });
    expect(warmed.code).toBe(0);
    expect(warmed.stderr).toMatch(
      /^gsef: the data in \/tmp\/no-such\\u001b\[31mdata\\nfolder was not cached: .*does not exist.*\n$/,
    );
    expect(warmed.stderr).not.toContain('\u001b');
  });
});
