// The integration tests run the real program (`node dist/src/main.js`, `bin/gsef.js`, and test
// helpers preloaded from dist/test/) in child processes. vitest itself reads src/ directly, but
// those processes read dist/: it is rebuilt first whenever a source is newer than its build, so a
// test never runs yesterday's build of code edited since (`npm test` has just compiled it), and
// bundled again whenever the bundle is not of the current build, so that `bin/gsef.js` and
// `bin/start.js` run the bundle as they do after `npm install`.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { BUNDLE, firstStaleSource, programFolder, ROOT } from '../../bin/build-freshness.js';

/** What the child processes run: the program and the test helpers they preload. */
const RUN_BY_CHILDREN = ['src', 'commands', 'test'];

export default async function setup(): Promise<void> {
  await compile();
  if (programFolder() === BUNDLE) return;
  try {
    await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/bundle.js')], { cwd: ROOT });
  } catch (error) {
    const { stderr = '' } = error as { stderr?: string };
    throw new Error(`The program could not be bundled for the integration tests (bin/bundle.js):\n${stderr}`);
  }
  console.log('integration: bundled the build into dist/bundle/');
}

async function compile(): Promise<void> {
  const stale = firstStaleSource(RUN_BY_CHILDREN);
  if (stale === undefined) {
    console.log('integration: dist/ is a build of the current sources');
    return;
  }
  const started = Date.now();
  try {
    await promisify(execFile)(
      process.execPath,
      [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'],
      {
        cwd: ROOT,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
  } catch (error) {
    const { stdout = '' } = error as { stdout?: string };
    throw new Error(`The program could not be built from src/ for the integration tests (tsc):\n${stdout}`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`integration: built dist/ from the sources, ${stale} being newer than its build (${seconds} s)`);
}
