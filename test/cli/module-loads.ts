import { runNode, type ChildOutcome } from '../support/run-child.js';

/** Module hooks that print, on stderr, each module whose URL or path matches `pattern` as it is loaded. */
function registeringHooks(pattern: RegExp): string {
  const hooks = `export async function load(url, context, next) {
  if (new RegExp(${JSON.stringify(pattern.source)}).test(url)) process.stderr.write('loaded ' + url + '\\n');
  return next(url, context);
}`;
  // CommonJS modules loaded by require() pass by no hook: those in require's cache are listed at exit.
  const register = `import { createRequire, register } from 'node:module';
register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});
const { cache } = createRequire(process.cwd() + '/');
process.on('exit', () => {
  for (const file of Object.keys(cache))
    if (new RegExp(${JSON.stringify(pattern.source)}).test(file)) process.stderr.write('loaded ' + file + '\\n');
});`;
  return `data:text/javascript,${encodeURIComponent(register)}`;
}

/**
 * Runs `node ARGS` and tells which modules matching `pattern` it loaded (ES modules as URLs,
 * CommonJS modules as paths), apart from the rest of its stderr.
 */
export async function runNodeRecordingLoads(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  pattern: RegExp,
): Promise<ChildOutcome & { loaded: string[] }> {
  const outcome = await runNode(['--import', registeringHooks(pattern), ...args], env);
  const lines = outcome.stderr.split('\n');
  return {
    ...outcome,
    stderr: lines.filter((line) => !line.startsWith('loaded ')).join('\n'),
    loaded: [
      ...new Set(lines.filter((line) => line.startsWith('loaded ')).map((line) => line.slice('loaded '.length))),
    ],
  };
}
