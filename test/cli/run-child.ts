import { spawn } from 'node:child_process';

export interface ChildOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs `node ARGS` with `env` added to the environment, standard input closed, until it exits or
 * `timeoutMs` passes (then it is killed and `code` is null): a process that should stop but
 * lingers fails the test instead of hanging it.
 */
export function runNode(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<ChildOutcome> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** Starts `node ARGS` and resolves once its standard output shows `text`; then kills it. */
export function nodeShows(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  text: string,
  timeoutMs = 20_000,
): Promise<{ shown: boolean; stderr: string }> {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => {
    const finish = (shown: boolean) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      resolve({ shown, stderr });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes(text)) finish(true);
    });
    child.on('close', () => finish(stdout.includes(text)));
  });
}
