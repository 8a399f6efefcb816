// The integration tests run the real program (`node dist/src/main.js`, `bin/gsef.js`) in child
// processes. vitest itself reads src/ directly, but those processes read dist/: building it first
// means a test never runs yesterday's build of code edited since.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(import.meta.dirname, '../..');

export default async function setup(): Promise<void> {
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
  console.log(
    `integration: the program was built from src/ into dist/ (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
