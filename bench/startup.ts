/**
 * Cold start, measured from outside as whole processes: the one-shot CLI (`gsef next-event`)
 * beside `node -e 0`, and `npm start` (Slack over HTTP, against the fake Slack API) from spawn to
 * its first 200 from /healthz, at N times the seed's data, with the data cache cold, warm and after
 * an edit, package.json's start script run directly, and warm through npm itself.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { npmStartArguments } from './app-process.js';
import { percentile } from './percentiles.js';
import { freePort, signedSlashCommand, startServices, type Services } from './slack-path.js';
import { writeSyntheticData } from './synthetic-data.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DATA_DIR = path.join(ROOT, 'data');
const GNU_TIME = '/usr/bin/time';
/** package.json's `start` script, run directly: npm's own start-up is not the bot's. */
const START: Launch = { command: process.execPath, args: npmStartArguments() };
/** `npm start` itself, timed too with the cache warm: what an operator typing it waits. */
const THROUGH_NPM: Launch = { command: 'npm', args: ['start', '--silent'] };

interface Launch {
  command: string;
  args: string[];
}

export interface Timing {
  runs: number;
  meanMs: number;
  p50Ms: number;
  maxMs: number;
}

export interface CliResult {
  command: string;
  /** How the environment differed from the benchmark's own, if it did. */
  environment?: string;
  wall: Timing;
  /** The largest resident set of the process and its children over the runs, in MB. */
  maxRssMb: number;
}

export interface StartupResult {
  times: number;
  /** The data cache: empty, holding this data, or holding it before events.yaml was edited. */
  cache: 'cold' | 'warm' | typeof ONE_FILE_EDITED;
  toHealthzMs: Timing;
  /** From spawn to the answer of a first question that reads the indexes ({@link FIRST_QUESTION}). */
  toFirstAnswerMs: Timing;
  /**
   * Set when the bot was started through npm itself (`npm start`, its own start-up counted), with
   * the cache warm; else package.json's start script was run directly.
   */
  through?: 'npm';
}

/** The cache after an edit of the file edited most (a new event): only that file is parsed again. */
export const ONE_FILE_EDITED = 'events.yaml edited';

/** The first question asked once /healthz answers: a search, which reads the knowledge's indexes. */
export const FIRST_QUESTION = 'event world social forum';

/**
 * How the resident memory is read: GNU time's %M (the largest resident set of the process and of
 * the children it waited for) when /usr/bin/time exists; else a preloaded module that writes
 * `process.resourceUsage().maxRSS` at exit, passed through NODE_OPTIONS so that npx's node and
 * the one it starts both report.
 */
export const RSS_METHOD = existsSync(GNU_TIME) ? 'GNU time %M' : 'NODE_OPTIONS --require probe (maxRSS at exit)';

/**
 * A variable that Node.js 20 acts on before any program runs: it reads and parses the named
 * certificates at every start (80-85 ms on the benchmark's machine, where the environment sets
 * it), where Node.js 22 waits for a first TLS connection.
 */
const EXTRA_CA_CERTS = 'NODE_EXTRA_CA_CERTS';

/**
 * `node -e 0`, `node bin/gsef.js next-event` and `npx gsef next-event`, each `runs` times after 2
 * warm-ups; when the environment sets NODE_EXTRA_CA_CERTS, the first two also without it, to tell
 * the program's own time from what every Node.js process pays there.
 */
export async function measureCli(runs = 10): Promise<CliResult[]> {
  const floor: [string, string[]] = [process.execPath, ['-e', '0']];
  const answer: [string, string[]] = [process.execPath, [path.join(ROOT, 'bin/gsef.js'), 'next-event']];
  const commands: [string, [string, string[]], string?][] = [
    ['node -e 0', floor],
    ['node bin/gsef.js next-event', answer],
    ['npx gsef next-event', ['npx', ['gsef', 'next-event']]],
  ];
  if (process.env[EXTRA_CA_CERTS] !== undefined)
    commands.push(
      ['node -e 0', floor, `${EXTRA_CA_CERTS} unset`],
      ['node bin/gsef.js next-event', answer, `${EXTRA_CA_CERTS} unset`],
    );
  const results: CliResult[] = [];
  for (const [command, [file, args], environment] of commands) {
    const env = { ...process.env };
    if (environment) delete env[EXTRA_CA_CERTS];
    const walls: number[] = [];
    let maxRssKb = 0;
    for (let run = -2; run < runs; run++) {
      const { wallMs, rssKb } = await timeProcess(file, args, env);
      if (run < 0) continue;
      walls.push(wallMs);
      maxRssKb = Math.max(maxRssKb, rssKb);
    }
    results.push({
      command,
      ...(environment ? { environment } : {}),
      wall: timing(walls),
      maxRssMb: round(maxRssKb / 1024),
    });
  }
  return results;
}

/** One run to its end: wall time from spawn to exit, and the largest resident set (KB). */
async function timeProcess(
  file: string,
  args: string[],
  environment: NodeJS.ProcessEnv,
): Promise<{ wallMs: number; rssKb: number }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gsef-rss-'));
  const report = path.join(dir, 'rss');
  try {
    const viaTime = existsSync(GNU_TIME);
    const probe = path.join(dir, 'probe.cjs');
    if (!viaTime) {
      await writeFile(
        probe,
        `process.on('exit', () => require('node:fs').appendFileSync(${JSON.stringify(report)}, process.resourceUsage().maxRSS + '\\n'));`,
      );
    }
    const [command, commandArgs, env] = viaTime
      ? [GNU_TIME, ['-f', '%M', '-o', report, file, ...args], environment]
      : [file, args, { ...environment, NODE_OPTIONS: `${environment.NODE_OPTIONS ?? ''} --require ${probe}` }];
    const start = performance.now();
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(command, commandArgs, { cwd: ROOT, env, stdio: 'ignore' });
      child.on('error', reject);
      child.on('exit', resolve);
    });
    const wallMs = performance.now() - start;
    if (code !== 0) throw new Error(`${file} ${args.join(' ')} exited with ${code}`);
    const lines = (await readFile(report, 'utf8')).trim().split('\n').map(Number);
    return { wallMs, rssKb: Math.max(...lines.filter(Number.isFinite)) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `npm start` from spawn to the first 200 from /healthz, `runs` times with the data cache cold (a
 * new, empty cache folder each run), `runs` times warm (the folder of the last cold run), `runs`
 * times warm through npm itself, and `runs` times after an edit of events.yaml (a comment line
 * appended before each run), over `times` times the seed's data.
 */
export async function measureStartup(times: number, runs = 5): Promise<StartupResult[]> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `gsef-startup-${times}x-`));
  await writeSyntheticData(DATA_DIR, dataDir, times);
  const fakes = await startServices();
  try {
    const cold: StartTimes[] = [];
    let cacheDir = '';
    for (let run = 0; run < runs; run++) {
      cacheDir = await mkdtemp(path.join(tmpdir(), 'gsef-startup-cache-'));
      cold.push(await startTimes(fakes.services, dataDir, cacheDir));
    }
    const warm: StartTimes[] = [];
    for (let run = 0; run < runs; run++) warm.push(await startTimes(fakes.services, dataDir, cacheDir));
    const warmThroughNpm: StartTimes[] = [];
    for (let run = 0; run < runs; run++)
      warmThroughNpm.push(await startTimes(fakes.services, dataDir, cacheDir, THROUGH_NPM));
    const edited: StartTimes[] = [];
    for (let run = 0; run < runs; run++) {
      await appendFile(path.join(dataDir, 'events.yaml'), `\n# edited before start ${run + 1}\n`);
      edited.push(await startTimes(fakes.services, dataDir, cacheDir));
    }
    return [
      { times, cache: 'cold', ...timings(cold) },
      { times, cache: 'warm', ...timings(warm) },
      { times, cache: 'warm', through: 'npm', ...timings(warmThroughNpm) },
      { times, cache: ONE_FILE_EDITED, ...timings(edited) },
    ];
  } finally {
    fakes.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

interface StartTimes {
  toHealthz: number;
  toFirstAnswer: number;
}

function timings(runs: readonly StartTimes[]): Pick<StartupResult, 'toHealthzMs' | 'toFirstAnswerMs'> {
  return {
    toHealthzMs: timing(runs.map((run) => run.toHealthz)),
    toFirstAnswerMs: timing(runs.map((run) => run.toFirstAnswer)),
  };
}

/**
 * Starts the bot and asks /healthz every few milliseconds until it answers 200, then asks it
 * {@link FIRST_QUESTION} as a signed slash command; then stops the bot (with npm and the shell it
 * runs the script in, when started through npm: the process group started).
 */
async function startTimes(
  services: Services,
  dataDir: string,
  cacheDir: string,
  launch: Launch = START,
): Promise<StartTimes> {
  const port = await freePort();
  const env = {
    ...process.env,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-signing-secret',
    SLACK_API_URL: services.slackApiUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    GSEF_DATA_DIR: dataDir,
    GSEF_CACHE_DIR: cacheDir,
    GSEF_STORE_URL: 'memory://',
  };
  const start = performance.now();
  const child = spawn(launch.command, launch.args, {
    cwd: ROOT,
    env,
    stdio: ['pipe', 'ignore', 'pipe'],
    detached: true,
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // A command that cannot be started (no npm on the PATH) sets a negative exit code, seen below.
  let notStarted = '';
  child.on('error', (error) => (notStarted = error.message));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) {
        await exited;
        const why = notStarted ? `could not be started: ${notStarted}` : `exited with ${child.exitCode}`;
        throw new Error(`${[launch.command, ...launch.args].join(' ')} ${why}: ${stderr.trim()}`);
      }
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (response) => response.ok,
        () => false,
      );
      if (ok) {
        const toHealthz = performance.now() - start;
        const question = signedSlashCommand(services, FIRST_QUESTION);
        const answer = await fetch(`http://127.0.0.1:${port}/slack/events`, {
          method: 'POST',
          headers: question.headers,
          body: question.body,
        });
        const text = await answer.text();
        if (!answer.ok || !text.includes('World Social Forum'))
          throw new Error(`the first question was not answered: ${answer.status} ${text.slice(0, 200)}`);
        return { toHealthz, toFirstAnswer: performance.now() - start };
      }
      if (performance.now() - start > 60_000) throw new Error('npm start did not serve /healthz within 60 s');
      // Polled often: the resolution of the figure is this pause.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    stopGroup(child.pid);
    await exited;
  }
}

/** Stops the process group led by `pid` (started detached), if any of it is still running. */
function stopGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function timing(samples: readonly number[]): Timing {
  const mean = samples.reduce((sum, sample) => sum + sample, 0) / samples.length;
  return {
    runs: samples.length,
    meanMs: round(mean),
    p50Ms: round(percentile(samples, 50)),
    maxMs: round(Math.max(...samples)),
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
