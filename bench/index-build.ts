/**
 * The knowledge base's indexes built as a server builds them after it starts serving, at N times
 * the seed, in a fresh process each run (a server builds them once, before Node has optimised its
 * code, so a run in a warm process would flatter them): how long the event loop is blocked at a
 * stretch (what a /healthz or a question arriving meanwhile waits), and the CPU time of the build.
 *
 * - `at once`: `kb.buildIndexes()` in one turn of the event loop (what a server did before the
 *   build ran in slices);
 * - `in slices`: in slices of {@link INDEX_SLICE_MS}, as `LiveKnowledge.start()` builds them.
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setImmediate as nextTurn, setTimeout as pause } from 'node:timers/promises';
import { runInSlices } from '../src/live-data/in-slices.js';
import { INDEX_SLICE_MS, LiveKnowledge } from '../src/live-data/live-knowledge.js';
import { silentLogger } from '../src/logger.js';
import { writeSyntheticData } from './synthetic-data.js';

export type BuildMode = 'at once' | 'in slices';

export interface BuildRun {
  /** The turns of the event loop that ran the build: one at once. */
  slices: number;
  /** The longest of them, from its first step's start to its last step's end, in ms. */
  longestSliceMs: number;
  /** The most CPU time (every thread of the process: the garbage collector's too) of one of them, in ms. */
  longestSliceCpuMs: number;
  /** The longest the event loop was late to a 1 ms timer meanwhile (perf_hooks.monitorEventLoopDelay), in ms. */
  longestDelayMs: number;
  /** From the build's start to its end, in ms (in slices: with the turns between them). */
  wallMs: number;
  /** CPU time (user and system) of the process over the same span, in ms. */
  cpuMs: number;
}

/** One run in this process: the data loaded (the cache made warm by a run before), its indexes built in `mode`. */
export async function buildOnce(dataDir: string, cacheDir: string, mode: BuildMode): Promise<BuildRun> {
  const live = await LiveKnowledge.load(dataDir, silentLogger, { cacheDir });
  const kb = live.current();
  const delays = monitorEventLoopDelay({ resolution: 1 });
  delays.enable();
  await pause(5);
  const slices = new SliceTimes();
  const cpu = process.cpuUsage();
  const start = performance.now();
  if (mode === 'at once') {
    await nextTurn();
    slices.time(() => kb.buildIndexes());
  } else await runInSlices(slices.timed(kb.indexBuildSteps()), { sliceMs: INDEX_SLICE_MS });
  const wallMs = performance.now() - start;
  const { user, system } = process.cpuUsage(cpu);
  slices.stop();
  // A turn after the build, for the histogram's timer to record how late the build made it.
  await pause(5);
  delays.disable();
  return { ...slices.longest(), longestDelayMs: delays.max / 1e6, wallMs, cpuMs: (user + system) / 1000 };
}

/**
 * The time of each turn of the event loop that runs steps: a chain of immediates counts the
 * turns (one runs in each, beside the slice's), and the steps run in the same turn are a slice.
 * The clock is read around each step, the CPU time only once a slice (reading it costs a system call).
 */
class SliceTimes {
  private turn = 0;
  private counting: NodeJS.Immediate;
  private current: { turn: number; startMs: number; endMs: number; cpu: NodeJS.CpuUsage } | undefined;
  private readonly done: { ms: number; cpuMs: number }[] = [];

  constructor() {
    const count = () => {
      this.turn += 1;
      this.counting = setImmediate(count);
    };
    this.counting = setImmediate(count);
  }

  time<T>(step: () => T): T {
    if (this.current?.turn !== this.turn) {
      this.close();
      const cpu = process.cpuUsage();
      this.current = { turn: this.turn, startMs: performance.now(), endMs: 0, cpu };
    }
    const result = step();
    this.current!.endMs = performance.now();
    return result;
  }

  *timed<T>(steps: Iterator<T>): Generator<T, void, undefined> {
    for (;;) {
      const next = this.time(() => steps.next());
      if (next.done) return;
      yield next.value;
    }
  }

  stop(): void {
    this.close();
    clearImmediate(this.counting);
  }

  longest(): Pick<BuildRun, 'slices' | 'longestSliceMs' | 'longestSliceCpuMs'> {
    return {
      slices: this.done.length,
      longestSliceMs: Math.max(...this.done.map((slice) => slice.ms)),
      longestSliceCpuMs: Math.max(...this.done.map((slice) => slice.cpuMs)),
    };
  }

  /** The slice under way is over: its CPU time runs to now, the next turn's start (or the build's end). */
  private close(): void {
    if (!this.current) return;
    const { user, system } = process.cpuUsage(this.current.cpu);
    this.done.push({ ms: this.current.endMs - this.current.startMs, cpuMs: (user + system) / 1000 });
    this.current = undefined;
  }
}

/**
 * `runs` runs of each mode, alternately, each in a process of its own over the same data and
 * warm cache (the first run of all, unmeasured, makes the cache warm).
 */
export async function measureIndexBuild(
  sourceDir: string,
  times: number,
  runs: number,
): Promise<Record<BuildMode, BuildRun[]>> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `gsef-index-build-${times}x-`));
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'gsef-index-build-cache-'));
  try {
    await writeSyntheticData(sourceDir, dataDir, times);
    await inChild(dataDir, cacheDir, 'at once');
    const results: Record<BuildMode, BuildRun[]> = { 'at once': [], 'in slices': [] };
    for (let run = 0; run < runs; run++)
      for (const mode of ['at once', 'in slices'] as const) results[mode].push(await inChild(dataDir, cacheDir, mode));
    return results;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  }
}

const CHILD_FLAG = '--index-build-child';

function inChild(dataDir: string, cacheDir: string, mode: BuildMode): Promise<BuildRun> {
  return new Promise((resolve, reject) => {
    const child = fork(import.meta.filename, [CHILD_FLAG, dataDir, cacheDir, mode], {
      // As `npm start` runs the bot: its young generation decides how often garbage is collected during the build.
      execArgv: ['--max-semi-space-size=16'],
    });
    child.once('message', (run) => resolve(run as BuildRun));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`the index build run exited with ${code}`)));
  });
}

if (process.argv[2] === CHILD_FLAG) {
  const [dataDir, cacheDir, mode] = process.argv.slice(3) as [string, string, BuildMode];
  process.send!(await buildOnce(dataDir, cacheDir, mode));
  process.disconnect();
}
