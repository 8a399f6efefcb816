/**
 * One platform path measured as the Slack HTTP path is: the bot (as `npm start` runs it, on SQLite,
 * with Slack in Socket Mode, Discord and the reminders running) against a bare app of the same
 * library, each in its own process with its own fakes, loaded alternately at each level of
 * requests in flight. The fakes and the load generator run here, in the measuring process: with
 * two cores, the app measured has one to itself; the CPU each side used shows whether the
 * generator kept up (a generator near one full core would limit both alike and hide the ratio).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { npmStartArguments, startApp, type AppProcess } from './app-process.js';
import { keepInFlight, type LoadFigures, type SendRequest } from './in-flight-load.js';
import { startPlatformFakes, type PlatformFakes } from './platform-fakes.js';

export interface PathOptions {
  /** Requests in flight, one measurement per level and round; 10 and 50 by default. */
  levels?: readonly number[];
  /** Seconds per measurement; 5 by default. */
  seconds?: number;
  /**
   * Measurements per app and level, bare and bot alternately; 3 by default, so that the median of
   * the rounds' ratios sets aside one round disturbed by other work on the machine.
   */
  rounds?: number;
  /** Node.js flags for the bot after `npm start`'s own, such as `--cpu-prof`. */
  botFlags?: readonly string[];
}

export interface SideFigures extends LoadFigures {
  /** CPU the app's process used, in cores (1 = one core busy the whole time). */
  appCores: number;
  /** CPU the measuring process (fakes and load generator) used meanwhile, in cores. */
  driverCores: number;
}

export interface PathLevel {
  connections: number;
  /** The bare app answering a constant ("ok"). */
  bare: SideFigures;
  bot: SideFigures;
  /** Bot answers per second over the bare app's: the median of the rounds' ratios. */
  ratio: number;
  /** Against a bare app sending the bot's own answer, when the path has one (PathDriver.sameAnswer). */
  sameAnswer?: { bare: SideFigures; ratio: number };
}

/** How one path reaches an app through its fakes. */
export interface PathDriver {
  /** Waits until the app, connected to `fakes`, can be sent requests; returns how to send one. */
  connect(fakes: PlatformFakes, app: AppProcess): Promise<SendRequest>;
  /** The bare app's compiled script, under dist/bench. */
  bareScript: string;
  /** How a second bare app is made to send the bot's own answer instead of a constant, when the path has one. */
  sameAnswer?: {
    /** The first answer the app behind `fakes` sent, as they received it. */
    firstAnswer(fakes: PlatformFakes): string | undefined;
    /** The settings that make the bare app send `answer`. */
    env(answer: string): Record<string, string>;
  };
}

/** The moment the bot's answers are about: the pinned date the Slack path uses too. */
const BENCH_NOW = '2019-05-10T10:00:00+09:00';
/** Rounds when none are asked for ({@link PathOptions.rounds}). */
export const DEFAULT_ROUNDS = 3;
/** Load before the measurements, not counted: the code paths compiled, the caches warm. */
const WARM_UP_SECONDS = 2;
/** How long an app may take to start and answer its first request. */
export const START_TIMEOUT_MS = 30_000;

export async function measurePath(driver: PathDriver, options: PathOptions = {}): Promise<PathLevel[]> {
  const { levels = [10, 50], seconds = 5, rounds = DEFAULT_ROUNDS, botFlags = [] } = options;
  const storeDir = await mkdtemp(path.join(tmpdir(), 'gsef-bench-path-'));
  const botFakes = await startPlatformFakes();
  const bareFakes = await startPlatformFakes();
  const sameAnswerFakes = driver.sameAnswer ? await startPlatformFakes() : undefined;
  const bareScript = path.resolve(import.meta.dirname, driver.bareScript);
  const bot = startApp(npmStartArguments(botFlags), {
    ...botFakes.env,
    GSEF_NOW: BENCH_NOW,
    GSEF_STORE_URL: `sqlite://${storeDir}/gsef.sqlite`,
  });
  const bare = startApp([bareScript], bareFakes.env);
  let sameAnswerBare: AppProcess | undefined;
  try {
    const apps: Partial<Record<Side, { app: AppProcess; send: SendRequest }>> = {
      bot: { app: bot, send: await connected(driver, botFakes, bot, 'the bot') },
      bare: { app: bare, send: await connected(driver, bareFakes, bare, 'the bare app') },
    };
    if (driver.sameAnswer && sameAnswerFakes) {
      // Started once the bot has answered: it sends what the bot sent, which its fakes check.
      const { firstAnswer, env } = driver.sameAnswer;
      const botAnswer = firstAnswer(botFakes);
      if (botAnswer === undefined) throw new Error('the bot answered, but its answer was not seen');
      sameAnswerBare = startApp([bareScript], { ...sameAnswerFakes.env, ...env(botAnswer) });
      const send = await connected(driver, sameAnswerFakes, sameAnswerBare, "the bare app sending the bot's answer");
      const bareAnswer = firstAnswer(sameAnswerFakes);
      if (bareAnswer !== botAnswer)
        throw new Error(`the bare app sent another answer than the bot's:\n${bareAnswer}\n${botAnswer}`);
      apps.sameAnswer = { app: sameAnswerBare, send };
    }
    const sides = SIDES.filter((side) => apps[side]);
    for (const side of sides) await keepInFlight(apps[side]!.send, 10, WARM_UP_SECONDS);
    const results: PathLevel[] = [];
    for (const connections of levels) {
      const runs: Partial<Record<Side, SideFigures[]>> = {};
      // Alternately, so that any drift of the machine during the run hits every side alike.
      for (let round = 0; round < rounds; round++)
        for (const side of sides) (runs[side] ??= []).push(await measureSide(apps[side]!, connections, seconds));
      const bot = runs.bot!;
      // Round by round, the bot against the bare app measured in the same round; the median of the
      // rounds, so that a burst of other work on the shared machine during one round does not decide it.
      const ratio = (bare: readonly SideFigures[]) => median(bot.map((run, i) => run.perSecond / bare[i]!.perSecond));
      const { sameAnswer } = runs;
      results.push({
        connections,
        bare: mean(runs.bare!),
        bot: mean(bot),
        ratio: ratio(runs.bare!),
        ...(sameAnswer ? { sameAnswer: { bare: mean(sameAnswer), ratio: ratio(sameAnswer) } } : {}),
      });
    }
    return results;
  } finally {
    await Promise.all([bot.stop(), bare.stop(), sameAnswerBare?.stop()]);
    await Promise.all([botFakes.close(), bareFakes.close(), sameAnswerFakes?.close()]);
    await rm(storeDir, { recursive: true, force: true });
  }
}

/** The apps measured, in the order of each round: the bare app answering its constant, the bare app sending the bot's answer, the bot. */
const SIDES = ['bare', 'sameAnswer', 'bot'] as const;
type Side = (typeof SIDES)[number];

async function connected(
  driver: PathDriver,
  fakes: PlatformFakes,
  app: AppProcess,
  name: string,
): Promise<SendRequest> {
  const stopped = new Promise<never>((_, reject) =>
    app.process.once('exit', (code) =>
      reject(new Error(`${name} exited (${code}) before answering:\n${app.lastWords()}`)),
    ),
  );
  stopped.catch(() => undefined);
  const send = await Promise.race([driver.connect(fakes, app), stopped]);
  // Its first answer, however long the rest of its start-up takes.
  const answered = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} did not answer within ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
    send(() => {
      clearTimeout(timer);
      resolve();
    });
  });
  await Promise.race([answered, stopped]);
  return send;
}

/** How often `waitUntil` looks again: only how soon a change is seen depends on it. */
const POLL_MS = 20;

/** Resolves once `check` holds; rejects naming `what` when it has not within START_TIMEOUT_MS. */
export async function waitUntil(check: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + START_TIMEOUT_MS;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`no ${what} within ${START_TIMEOUT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function measureSide(
  { app, send }: { app: AppProcess; send: SendRequest },
  inFlight: number,
  seconds: number,
): Promise<SideFigures> {
  const appBefore = app.cpuSeconds();
  const driverBefore = process.cpuUsage();
  const started = performance.now();
  const figures = await keepInFlight(send, inFlight, seconds);
  const elapsed = (performance.now() - started) / 1000;
  const driverUsed = process.cpuUsage(driverBefore);
  return {
    ...figures,
    appCores: (app.cpuSeconds() - appBefore) / elapsed,
    driverCores: (driverUsed.user + driverUsed.system) / 1e6 / elapsed,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle) ? (sorted[middle - 1]! + sorted[middle]!) / 2 : sorted[Math.floor(middle)]!;
}

function mean(runs: readonly SideFigures[]): SideFigures {
  const of = (key: keyof SideFigures) => runs.reduce((sum, run) => sum + run[key], 0) / runs.length;
  return {
    perSecond: of('perSecond'),
    p50: of('p50'),
    p99: of('p99'),
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
    appCores: of('appCores'),
    driverCores: of('driverCores'),
  };
}
