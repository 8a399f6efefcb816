// `npm run dev`: tsc in watch mode, and the program run from dist/, started again after each build.
// The restart follows tsc's end-of-build message rather than the files themselves (`node --watch`
// restarted it several times a build, on half-written output). No dependency.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath, URL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** How tsc --watch ends each build, with or without errors (it still writes dist/ with errors). */
const BUILD_DONE = 'Watching for file changes.';

// tsc's messages go to stderr, like the program's log: stdout is the console's. tsc does not clear
// the screen, which would wipe the program's output.
const tsc = spawn(
  process.execPath,
  ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--watch', '--preserveWatchOutput'],
  { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
);
/** The running program, if any. */
let program;
let stopping = false;
let restarts = Promise.resolve();
let partialLine = '';
tsc.stdout.setEncoding('utf8');
tsc.stdout.on('data', (text) => {
  process.stderr.write(text);
  const lines = (partialLine + text).split('\n');
  partialLine = lines.pop();
  if (lines.some((line) => line.includes(BUILD_DONE))) restarts = restarts.then(restart);
});
tsc.on('exit', (code) => stop(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(0));

/** Stops the program, waiting for it to let go of its port and store, then starts the new build. */
async function restart() {
  const previous = program;
  program = undefined;
  if (previous) {
    const exited = once(previous, 'exit');
    previous.kill();
    await exited;
  }
  if (stopping) return;
  const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: ROOT, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (program !== child) return;
    program = undefined;
    if (signal === null)
      process.stderr.write(`gsef dev: the program ended (exit code ${code}); it starts again after the next build\n`);
  });
  program = child;
}

function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  tsc.kill();
  program?.kill();
  process.exitCode = exitCode;
}
