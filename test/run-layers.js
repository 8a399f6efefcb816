#!/usr/bin/env node
// `npm test` after the lint step: the unit layer, then the integration layer, each in a vitest run
// of its own, so that no unit test waits for the integration layer's build and database servers.
// The integration layer runs even when the unit layer failed, so one run shows every failure; the
// recap at the end repeats each layer's counts, and the exit code is non-zero if either failed.
// Arguments are passed on to vitest: `npm test -- test/news` runs the matching files of each layer.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const LAYERS = ['unit', 'integration'];
const vitest = path.resolve(import.meta.dirname, '../node_modules/vitest/vitest.mjs');
const filters = process.argv.slice(2);
const scratch = mkdtempSync(path.join(tmpdir(), 'gsef-layers-'));

const recap = [];
for (const layer of LAYERS) {
  // test/support/layer-summary-reporter.ts writes the layer's counts there.
  const summaryFile = path.join(scratch, `${layer}.txt`);
  // With filters, a layer may have no matching file: that is not a failure.
  const args = ['run', '--project', layer, ...(filters.length > 0 ? ['--passWithNoTests', ...filters] : [])];
  const run = spawnSync(process.execPath, [vitest, ...args], {
    stdio: 'inherit',
    env: { ...process.env, GSEF_LAYER_SUMMARY: summaryFile },
  });
  const reported = readOrNothing(summaryFile).trim();
  const counts = reported || `${layer} layer: ${run.status === 0 ? 'no test file matched' : 'did not finish'}`;
  recap.push({ line: counts, failed: run.status !== 0, status: run.status ?? run.signal });
}
rmSync(scratch, { recursive: true, force: true });

const failed = recap.some((layer) => layer.failed);
const lines = recap.map(({ line, failed, status }) => (failed ? `${line} — FAILED (vitest exit ${status})` : line));
process.stdout.write(`\n── npm test ──\n${lines.join('\n')}\n${failed ? 'npm test FAILED' : 'npm test passed'}\n`);
process.exitCode = failed ? 1 : 0;

function readOrNothing(file) {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
