/**
 * `node --expose-gc --max-semi-space-size=16 dist/bench/run-scale.js`: the scale figures alone
 * (bench/scale.ts), as a table on stdout, with the young generation `npm start` gives the bot (as
 * `npm run bench` runs them). SCALE_TIMES sets the multiples of the seed (`1,100`), SCALE_ITERATIONS the answers
 * timed per question (3000, as `npm run bench`).
 */
import path from 'node:path';
import { measureScale } from './scale.js';
import { LARGEST_SUPPORTED_TIMES } from './synthetic-data.js';

const DATA_DIR = path.resolve(import.meta.dirname, '../../data');
const times = (process.env.SCALE_TIMES ?? `1,${LARGEST_SUPPORTED_TIMES}`).split(',').map(Number);
const iterations = Number(process.env.SCALE_ITERATIONS ?? 3000);

for (const n of times) {
  const s = await measureScale(DATA_DIR, n, iterations);
  console.log(
    `${s.times}x data (${s.events} events, ${s.members} members): start-up ${s.startupMs.toFixed(0)} ms, heap ${s.heapMb.toFixed(1)} MB`,
  );
  for (const [name, q] of Object.entries(s.queries))
    console.log(`  ${name.padEnd(30)} p50 ${q.p50.toFixed(3)} ms  p99 ${q.p99.toFixed(3)} ms`);
}
