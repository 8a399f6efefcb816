/**
 * The Slack path under load: the real bot (`npm start`'s command line, HTTP mode) and a bare Bolt
 * app, each in its own process, sent the same signed `/gsef next-event` slash command by
 * autocannon, measured alternately at fixed concurrency levels. Each app's CPU time per request is
 * read from /proc too: on a machine whose cores the load generator and both apps share, it compares
 * the two apps' own costs more steadily than their rates do.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { cpuSecondsOf, npmStartArguments } from './app-process.js';

const SECRET = 'bench-signing-secret';
const DIST = path.resolve(import.meta.dirname, '..');

export interface LoadResult {
  app: 'bot' | 'bare';
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** The app's CPU time (user and system) per request answered, in microseconds. */
  cpuMicrosPerRequest: number;
}

export interface Services {
  slackApiUrl: string;
  slackBaseUrl: string;
  discordBaseUrl: string;
}

/** A child process that is ready once `ready()` resolves, killed by `stop()`. */
export interface Child {
  process: ChildProcess;
  port: number;
  stop(): void;
}

export async function startServices(): Promise<{ services: Services; stop(): void }> {
  const child = spawn(process.execPath, [path.join(DIST, 'bench/fake-services.js')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.includes('\n')) resolve(buffer.split('\n')[0]!);
    });
    child.on('exit', () => reject(new Error('the fake services stopped')));
  });
  return { services: JSON.parse(line) as Services, stop: () => child.kill() };
}

export interface BotOptions {
  /** Discord connected too (the gateway fake), as a bot serving both platforms runs. */
  withDiscord: boolean;
  /** GSEF_STORE_URL: the benchmark's bot keeps its state in SQLite, as `npm start` does by default. */
  storeUrl: string;
}

/** The bot as `npm start` runs it: Slack over HTTP, the reminders, and Discord when asked. */
export async function startBot(services: Services, { withDiscord, storeUrl }: BotOptions): Promise<Child> {
  const port = await freePort();
  const env = {
    ...process.env,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: services.slackApiUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    GSEF_NOW: '2019-05-10T10:00:00+09:00',
    GSEF_STORE_URL: storeUrl,
    ...(withDiscord
      ? {
          DISCORD_TOKEN: 'bench-token',
          DISCORD_APPLICATION_ID: '100000000000000001',
          DISCORD_API_URL: services.discordBaseUrl,
        }
      : {}),
  };
  return startChild(npmStartArguments(), env, port);
}

export async function startBareBolt(services: Services): Promise<Child> {
  const port = await freePort();
  const env = {
    ...process.env,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: services.slackApiUrl,
    PORT: String(port),
  };
  return startChild([path.join(DIST, 'bench/bare-bolt.js')], env, port);
}

async function startChild(args: readonly string[], env: NodeJS.ProcessEnv, port: number): Promise<Child> {
  const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'ignore', 'ignore'] });
  const script = args.at(-1)!;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`${script} did not become ready`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { process: child, port, stop: () => child.kill() };
}

/** Resident memory of a process, from /proc, in MB. */
export async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/**
 * One signed slash command, the same bytes for the whole run: Slack's signature covers a timestamp
 * that Bolt accepts for five minutes, longer than the benchmark lasts.
 */
export function signedSlashCommand(
  services: Services,
  text: string,
): { body: string; headers: Record<string, string> } {
  const body = slashCommandBody(services, text);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': timestamp,
      'x-slack-signature': signature,
    },
  };
}

function slashCommandBody(services: Services, text: string): string {
  return new URLSearchParams(slashCommandFields(text, `${services.slackBaseUrl}/response/bench`)).toString();
}

/** The fields of the benchmark's slash command, the same person in the same channel every time. */
export function slashCommandFields(text: string, responseUrl: string): Record<string, string> {
  return {
    token: 'bench',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: 'C0BENCH',
    channel_name: 'general',
    user_id: 'U0BENCH',
    user_name: 'bench',
    command: '/gsef',
    text,
    api_app_id: 'A0GSEF',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  };
}

export async function load(
  app: LoadResult['app'],
  target: Child,
  request: { body: string; headers: Record<string, string> },
  connections: number,
  seconds: number,
  overallRate?: number,
): Promise<LoadResult> {
  const cpuBefore = cpuSecondsOf(target.process.pid!);
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}/slack/events`,
    method: 'POST',
    body: request.body,
    headers: request.headers,
    connections,
    duration: seconds,
    ...(overallRate ? { overallRate } : {}),
  });
  return {
    app,
    connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    cpuMicrosPerRequest: ((cpuSecondsOf(target.process.pid!) - cpuBefore) / Math.max(1, result.requests.total)) * 1e6,
  };
}

/** A port free now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process every `everyMs` while load runs, and the load's own figures. */
export interface SustainedResult {
  seconds: number;
  requestsPerSecond: number;
  p99: number;
  failures: number;
  /** [seconds since the start, resident MB]. */
  rssCurve: [number, number][];
}

/**
 * A long load at a steady `rate` of questions that vary (`texts` in turn, and one in five a text
 * never asked before, so that the answer cache fills, evicts and is refilled), each request signed
 * afresh; the bot's resident memory is sampled throughout. Growth across the run would be a leak.
 */
export async function sustainedLoad(
  services: Services,
  bot: Child,
  texts: readonly string[],
  rate: number,
  seconds: number,
  everyMs = 10_000,
): Promise<SustainedResult> {
  const rssCurve: [number, number][] = [];
  const started = Date.now();
  const sample = async () => {
    rssCurve.push([Math.round((Date.now() - started) / 1000), await residentMb(bot.process.pid!)]);
  };
  await sample();
  const sampler = setInterval(() => void sample(), everyMs);
  let sent = 0;
  try {
    const result = await autocannon({
      url: `http://127.0.0.1:${bot.port}/slack/events`,
      method: 'POST',
      connections: 10,
      duration: seconds,
      overallRate: rate,
      requests: [
        {
          setupRequest: (request) => {
            const n = sent++;
            const text = n % 5 === 4 ? `event unheard-of-${n}` : texts[n % texts.length]!;
            const signed = signedSlashCommand(services, text);
            return { ...request, body: signed.body, headers: { ...request.headers, ...signed.headers } };
          },
        },
      ],
    });
    await sample();
    return {
      seconds,
      requestsPerSecond: result.requests.average,
      p99: result.latency.p99,
      failures: result.errors + result.timeouts + result.non2xx,
      rssCurve,
    };
  } finally {
    clearInterval(sampler);
  }
}
