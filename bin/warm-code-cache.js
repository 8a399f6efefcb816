// The last step of `npm run build` (and so of `npm install`), after bin/warm-data-cache.js: one
// answer (`gsef next-event`, over an empty store in memory), so that the CLI's code cache
// (bin/code-cache.js) holds what an answer runs. Without it, the first run after a build writes
// the cache, whatever it ran (a tool, `--help`), and every answer after it compiles the rest again
// (30 ms more a run). It never fails the build: without a cache, the next run writes one.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE, CLI_SCRIPT, ROOT, programFolder } from './build-freshness.js';
import { codeCacheFile } from './code-cache.js';

if (programFolder() === BUNDLE) {
  // The cache of an earlier build of the same script (the same bytes) would stay: made anew.
  rmSync(codeCacheFile(path.join(BUNDLE, CLI_SCRIPT.bundled)), { force: true });
  const answer = spawnSync(process.execPath, [path.join(ROOT, 'bin/gsef.js'), 'next-event'], {
    env: { ...process.env, GSEF_STORE_URL: 'memory://' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (answer.status !== 0) {
    const why = answer.error?.message || answer.stderr.trim().split('\n')[0] || `exit ${answer.status}`;
    process.stderr.write(`gsef: the CLI's code cache was not made (it will be at the first run): ${why}\n`);
  }
}
