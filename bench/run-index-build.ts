/**
 * `node dist/bench/run-index-build.js`: the knowledge base's indexes built at 100x the seed as a
 * server builds them after it starts serving, at once and in slices (bench/index-build.ts), each
 * run in a fresh process. RUNS sets the runs of each (default 6). The build in slices is timed a
 * turn at a time (the clock read around each of its 12,000 steps, a chain of immediates counting
 * the turns): its whole CPU time here is above what it costs untimed, which is that of the build at once.
 */
import path from 'node:path';
import { INDEX_SLICE_MS } from '../src/live-data/live-knowledge.js';
import { measureIndexBuild, type BuildRun } from './index-build.js';
import { LARGEST_SUPPORTED_TIMES } from './synthetic-data.js';

const DATA_DIR = path.resolve(import.meta.dirname, '../../data');
const runs = Number(process.env.RUNS ?? 0) || 6;

/** The median of the runs, and their range. */
function spread(runs: readonly BuildRun[], of: (run: BuildRun) => number): string {
  const values = runs.map(of).sort((a, b) => a - b);
  const ms = (value: number) => value.toFixed(1);
  return `${ms(values[Math.floor(values.length / 2)]!)} (${ms(values[0]!)}–${ms(values.at(-1)!)})`;
}

console.log(
  `Indexes built after start at ${LARGEST_SUPPORTED_TIMES}x data, a fresh process per run: median (range) of ${runs} runs, ms`,
);
const results = await measureIndexBuild(DATA_DIR, LARGEST_SUPPORTED_TIMES, runs);
for (const [mode, modeRuns] of Object.entries(results)) {
  console.log(
    `  ${mode === 'in slices' ? `in slices of ${INDEX_SLICE_MS} ms` : mode}, ${spread(modeRuns, (r) => r.slices)} turns`,
  );
  console.log(
    `    longest turn ${spread(modeRuns, (r) => r.longestSliceMs)} wall, ${spread(modeRuns, (r) => r.longestSliceCpuMs)} CPU;` +
      ` event loop late by ${spread(modeRuns, (r) => r.longestDelayMs)} at most`,
  );
  console.log(`    whole build ${spread(modeRuns, (r) => r.wallMs)} wall, ${spread(modeRuns, (r) => r.cpuMs)} CPU`);
}
