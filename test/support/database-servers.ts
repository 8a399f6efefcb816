// Throwaway Redis and PostgreSQL servers on 127.0.0.1: vitest's global setup starts them for the run,
// so the store tests need nothing started by hand, and removes them afterwards.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { withPostgres, withRedis } from './database-clients.js';
import { provideServerBinaries, ServersUnavailable } from './server-binaries.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
    postgresUrl: string;
  }
}

/** What a failed start shows of the server's own words: enough for its last few log lines. */
const OUTPUT_TAIL = 4000;

const execFileAsync = promisify(execFile);

/** Who runs PostgreSQL; undefined: this process's own user. */
type Account = { uid: number; gid: number } | undefined;

interface Server {
  name: string;
  child: ChildProcess;
  /** The signal that shuts it down cleanly without waiting for its clients to leave. */
  stopSignal: NodeJS.Signals;
  /** Resolves once the process is gone (or never started). */
  exited: Promise<void>;
  hasExited(): boolean;
  /** Resolves once its output is read to the end too, which a child of it holding the pipes can delay for ever. */
  closed: Promise<void>;
  output(): string;
}

/** Throwaway servers on 127.0.0.1, and the one way to be rid of them. */
export interface DatabaseServers {
  redisUrl: string;
  postgresUrl: string;
  stop(): Promise<void>;
}

/** The test run's servers (vitest globalSetup): tests reach them through inject(), usually via fresh-databases.ts. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const servers = await startDatabaseServers().catch(stopWhenUnavailable);
  project.provide('redisUrl', servers.redisUrl);
  project.provide('postgresUrl', servers.postgresUrl);
  return servers.stop;
}

/**
 * Missing servers that cannot be installed end the run with the one line that says what to do:
 * thrown, vitest would print it under a misleading "No test files found" and a stack trace.
 */
function stopWhenUnavailable(error: unknown): never {
  if (!(error instanceof ServersUnavailable)) throw error;
  process.stderr.write(`\n${error.message}\n`);
  process.exit(1);
}

/** Starts a Redis and a PostgreSQL server in temporary directories; `npm run bench` uses them too. */
export async function startDatabaseServers(): Promise<DatabaseServers> {
  const binaries = await provideServerBinaries();
  const scratch = new Scratch(binaries.setpriv);
  try {
    const account = await postgresAccount();
    const redisDir = await scratch.dir('gsef-redis-');
    const postgresDir = await scratch.dir('gsef-postgres-', account);
    await initdb(binaries.initdb, postgresDir, account);
    // Picked only now, initdb done, so the ports stay free for as short a time as possible before use.
    const [redisPort, postgresPort] = await twoFreePorts();
    const redisUrl = `redis://127.0.0.1:${redisPort}`;
    const postgresUrl = `postgres://gsef@127.0.0.1:${postgresPort}/postgres`;
    const redis = scratch.spawn('Redis', binaries.redisServer, redisArgs(redisDir, redisPort), {
      cwd: redisDir,
      stopSignal: 'SIGTERM',
    });
    // SIGINT is PostgreSQL's fast shutdown; its SIGTERM would wait for every client to disconnect.
    const postgres = scratch.spawn('PostgreSQL', binaries.postgres, postgresArgs(postgresDir, postgresPort), {
      cwd: postgresDir,
      account,
      stopSignal: 'SIGINT',
    });
    await Promise.all([
      waitUntilReady(redis, () => withRedis(redisUrl, (client) => client.ping()), 60_000),
      waitUntilReady(postgres, () => withPostgres(postgresUrl, (client) => client.query('SELECT 1')), 60_000),
    ]);
    return { redisUrl, postgresUrl, stop: () => scratch.removeAll() };
  } catch (error) {
    await scratch.removeAll();
    throw error;
  }
}

function redisArgs(dir: string, port: number): string[] {
  // Every write fsynced before it is acknowledged, as a durable production setup would; no snapshots.
  return [
    '--bind',
    '127.0.0.1',
    '--port',
    String(port),
    '--save',
    '',
    '--appendonly',
    'yes',
    '--appendfsync',
    'always',
    '--dir',
    dir,
    '--databases',
    '1000',
    '--protected-mode',
    'yes',
  ];
}

function postgresArgs(dir: string, port: number): string[] {
  // The socket goes in the data directory, so nothing needs write access to /var/run/postgresql.
  return ['-D', dir, '-h', '127.0.0.1', '-p', String(port), '-k', dir, '-c', 'fsync=on', '-c', 'max_connections=200'];
}

async function initdb(initdbBinary: string, dir: string, account: Account): Promise<void> {
  // --no-sync only for creating the cluster: the server itself runs with fsync on.
  const args = ['-D', dir, '-U', 'gsef', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C'];
  try {
    await execFileAsync(initdbBinary, args, { cwd: dir, ...account });
  } catch (error) {
    const { code, stdout = '', stderr = '' } = error as { code?: number | string; stdout?: string; stderr?: string };
    throw new Error(
      `PostgreSQL's initdb failed (${code}) to create a cluster in ${dir}. Its output ended with:\n${`${stdout}${stderr}`.slice(-OUTPUT_TAIL)}`,
    );
  }
}

/** PostgreSQL refuses to run as root: as root, it runs as the postgres user its Debian package creates. */
async function postgresAccount(): Promise<Account> {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']),
      execFileAsync('id', ['-g', 'postgres']),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new Error(
      'The tests run as root, which PostgreSQL refuses, and there is no postgres user to run it as instead. Create one, or install the Debian postgresql package, which does.',
    );
  }
}

/** Two ports nothing listens on; held open together while picked, so the kernel cannot give the same one twice. */
async function twoFreePorts(): Promise<[number, number]> {
  const listeners = await Promise.all([listenOnSomePort(), listenOnSomePort()]);
  const [first, second] = listeners.map((listener) => (listener.address() as net.AddressInfo).port);
  await Promise.all(listeners.map((listener) => new Promise((resolve) => listener.close(resolve))));
  return [first!, second!];
}

async function listenOnSomePort(): Promise<net.Server> {
  const listener = net.createServer().listen(0, '127.0.0.1');
  await once(listener, 'listening');
  return listener;
}

/** Polls `probe` until it succeeds; fails with the server's output if the server exits or time runs out. */
async function waitUntilReady(server: Server, probe: () => Promise<unknown>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.hasExited()) {
      await within(server.closed, 1000); // its last words may still be in the pipe
      throw startFailure(
        server,
        `exited (${server.child.signalCode ?? `code ${server.child.exitCode}`}) before accepting connections`,
      );
    }
    try {
      await probe();
      return;
    } catch (error) {
      if (Date.now() >= deadline)
        throw startFailure(
          server,
          `did not accept connections within ${timeoutMs / 1000} s (last attempt: ${String(error)})`,
        );
    }
    await sleep(50);
  }
}

function startFailure(server: Server, what: string): Error {
  return new Error(`The test ${server.name} server ${what}. Its output ended with:\n${server.output()}`);
}

/** The servers and scratch directories of one run, and the one way to be rid of them all. */
class Scratch {
  private readonly servers: Server[] = [];
  private readonly dirs: string[] = [];
  private readonly setpriv: string | undefined;
  // Should the run end without its teardown, the servers must not live on holding ports and temp files.
  private readonly stopOnExit = () => {
    for (const server of this.servers) server.child.kill(server.stopSignal);
  };

  constructor(setpriv: string | undefined) {
    this.setpriv = setpriv;
    process.on('exit', this.stopOnExit);
  }

  async dir(prefix: string, owner?: Account): Promise<string> {
    const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    this.dirs.push(dir);
    if (owner) await chown(dir, owner.uid, owner.gid);
    return dir;
  }

  spawn(
    name: string,
    command: string,
    args: string[],
    options: { cwd: string; account?: Account; stopSignal: NodeJS.Signals },
  ): Server {
    // Even a SIGKILLed test run takes its servers along: setpriv asks the kernel to signal them when we die.
    const [file, argv] = this.setpriv
      ? [this.setpriv, ['--pdeathsig', options.stopSignal, '--', command, ...args]]
      : [command, args];
    const child = spawn(file, argv, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], ...options.account });
    let output = '';
    const record = (text: string) => {
      output = (output + text).slice(-OUTPUT_TAIL);
    };
    child.stdout?.on('data', (chunk: Buffer) => record(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => record(chunk.toString()));
    child.on('error', (error) => record(`${error.message}\n`)); // e.g. it could not be started at all
    let exited = false;
    // Not events.once: that would reject on the 'error' a failed spawn emits, which is followed by 'close' but no 'exit'.
    const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
    const server: Server = {
      name,
      child,
      stopSignal: options.stopSignal,
      exited: Promise.race([new Promise<void>((resolve) => child.once('exit', () => resolve())), closed]).then(() => {
        exited = true;
      }),
      hasExited: () => exited,
      closed,
      output: () => output,
    };
    this.servers.push(server);
    return server;
  }

  async removeAll(): Promise<void> {
    process.off('exit', this.stopOnExit);
    await Promise.all(this.servers.map(stop));
    await Promise.all(this.dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  }
}

/** Asks the server to shut down, and kills it if it has not within five seconds. */
async function stop(server: Server): Promise<void> {
  if (server.hasExited()) return;
  server.child.kill(server.stopSignal);
  if (!(await within(server.exited, 5000))) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
}

/** Whether `promise` settles within `ms`; the timer does not outlive the answer. */
async function within(promise: Promise<void>, ms: number): Promise<boolean> {
  const timer = new AbortController();
  const settled = await Promise.race([promise.then(() => true), sleep(ms, false, { signal: timer.signal })]);
  timer.abort();
  return settled;
}
