/**
 * An app under measurement in a process of its own: the bot as `npm start` runs it, or a bare
 * app. It is ready when the fakes see it connect; the measuring process reads its CPU time from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Jiffies per second of /proc/<pid>/stat's CPU times (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

export interface AppProcess {
  process: ChildProcess;
  /** CPU seconds (user and system, all threads) the process has used so far. */
  cpuSeconds(): number;
  /** What it wrote on stderr lately: why it stopped, when it did. */
  lastWords(): string;
  stop(): Promise<void>;
}

/**
 * The bot's command line as `npm start` has it: package.json's start script (its Node.js flags
 * included, which change the bot's memory and garbage collection) run from the project's root.
 * `extraFlags` come after the script's own, which they may override (`--max-semi-space-size=16`).
 */
export function npmStartArguments(extraFlags: readonly string[] = []): string[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [node, ...rest] = manifest.scripts.start.split(/\s+/);
  if (node !== 'node' || rest.at(-1) !== 'bin/start.js')
    throw new Error(`package.json's start script is not "node [flags] bin/start.js": ${manifest.scripts.start}`);
  return [...rest.slice(0, -1), ...extraFlags, path.join(ROOT, 'bin/start.js')];
}

/** CPU seconds (user and system, all threads) the process `pid` has used so far, from /proc. */
export function cpuSecondsOf(pid: number): number {
  // The fields after the command's name (which may hold spaces), from the state on: utime is the 12th, stime the 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** Starts `node <args>` with `env` only (not this process's settings), its stdout discarded. */
export function startApp(args: readonly string[], env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  return {
    process: child,
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    lastWords: () => stderr,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    },
  };
}
