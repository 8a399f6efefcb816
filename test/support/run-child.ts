import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { onTestFinished } from 'vitest';
import { announceChange, waitFor } from './wait-for.js';

/** A `node` process a test started: what it printed so far, and how it ended. */
export interface RunningNode {
  stdout(): string;
  stderr(): string;
  /** Its standard input ('pipe' only). */
  readonly stdin: Writable;
  /** Whether it has exited and its output has been read to the end. */
  closed(): boolean;
  /** Its exit code once closed; null when a signal ended it. */
  readonly exitCode: Promise<number | null>;
  /** Kills it with SIGKILL, as a crash would, and resolves once it is gone. */
  kill(): Promise<void>;
}

/**
 * Starts `node ARGS` with `env` added to the environment. Each chunk of its output and its exit
 * are announced to waitFor, so that a test waits for what it prints. A process still running when
 * the test ends (passed, failed or timed out) is killed: none outlives its test.
 */
export function startNode(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  stdin: 'pipe' | 'ignore' = 'pipe',
): RunningNode {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: [stdin, 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let closed = false;
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    announceChange();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    announceChange();
  });
  child.stdin?.on('error', () => {}); // the pipe breaks when the process exits or is killed
  const exitCode = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      closed = true;
      announceChange();
      resolve(code);
    }),
  );
  const kill = async () => {
    child.kill('SIGKILL');
    await exitCode;
  };
  onTestFinished(kill);
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    stdin: child.stdin!,
    closed: () => closed,
    exitCode,
    kill,
  };
}

export interface ChildOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node ARGS` with `env` added to the environment and standard input closed, until it exits.
 * It has no time limit of its own: one that lingers instead of stopping fails its test by the
 * test's timeout, and is killed then.
 */
export async function runNode(args: readonly string[], env: NodeJS.ProcessEnv): Promise<ChildOutcome> {
  const child = startNode(args, env, 'ignore');
  const code = await child.exitCode;
  return { code, stdout: child.stdout(), stderr: child.stderr() };
}

/** Starts `node ARGS` and waits until its standard output shows `text` or it exits; then kills it. */
export async function nodeShows(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  text: string,
): Promise<{ shown: boolean; stderr: string }> {
  const child = startNode(args, env);
  await waitFor(() => child.stdout().includes(text) || child.closed(), `"${text}" on its standard output, or its exit`);
  await child.kill();
  return { shown: child.stdout().includes(text), stderr: child.stderr() };
}
