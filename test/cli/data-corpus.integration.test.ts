import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_CASES, dataFolderFor } from '../corpus/data/cases.js';
import { nodeShows, runNode } from '../support/run-child.js';

// The compiled entry points (npm test builds them first).
const BIN = path.resolve(import.meta.dirname, '../../bin/gsef.js');
// The server as `npm start` runs it: bundled (test/support/build-program.ts makes the bundle current).
const MAIN = path.resolve(import.meta.dirname, '../../dist/bundle/main.js');

const refused = DATA_CASES.filter((c) => c.at !== undefined);
const accepted = DATA_CASES.filter((c) => c.at === undefined);

// One case at a time: each runs two Node processes, and the machine may be busy already. The breaks
// this guards against took minutes, or never ended: the test's timeout is the one limit.
describe('the data-file corpus, through gsef check-data and start-up', () => {
  it.each(refused.map((c) => [c.name, c] as const))(
    '%s: refused in one line naming the file and line, by both',
    { timeout: 90_000 },
    async (_, dataCase) => {
      const dir = await dataFolderFor(dataCase);
      const checked = await runNode([BIN, 'check-data', dir], {});
      expect(checked.code).toBe(1);
      expect(checked.stdout).toBe('');
      expect(checked.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(dataCase.at!)]);

      const started = await runNode([MAIN], { GSEF_DATA_DIR: dir, GSEF_STORE_URL: 'memory://' });
      expect(started.code).toBe(1);
      expect(started.stderr.trimEnd().split('\n')).toEqual([
        expect.stringMatching(new RegExp(`^Cannot start: .*${dataCase.at!.source}`)),
      ]);
      expect(started.stderr).not.toMatch(/^\s+at /m);
    },
  );

  it.each(accepted.map((c) => [c.name, c] as const))(
    '%s: accepted by both',
    { timeout: 90_000 },
    async (_, dataCase) => {
      const dir = await dataFolderFor(dataCase);
      const checked = await runNode([BIN, 'check-data', dir], {});
      expect(checked.stderr).toBe('');
      expect(checked.code).toBe(0);
      // The console's prompt: start-up went through.
      const started = await nodeShows([MAIN], { GSEF_DATA_DIR: dir, GSEF_STORE_URL: 'memory://' }, 'gsef>');
      expect(started).toEqual({ shown: true, stderr: '' });
    },
  );
});
