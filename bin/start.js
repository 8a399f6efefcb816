// `npm start`: runs the program built into dist/ by `npm install` / `npm run build`, without
// compiling (tsc takes 20 to 120 s on a busy machine). It runs in this process, so the Node.js flags
// that package.json gives this script are the program's.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL, URL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The folders tsc compiles into dist/ that the program runs (test/ and bench/ are not run by it). */
const SOURCE_FOLDERS = ['src', 'commands'];
const MAIN = path.join(ROOT, 'dist/src/main.js');
const REBUILD = 'run `npm run build` (or `npm run dev` while developing)';

/** The first source file whose compiled .js is missing or older than it, or undefined if none. */
function firstStaleSource() {
  for (const folder of SOURCE_FOLDERS) {
    for (const file of readdirSync(path.join(ROOT, folder), { recursive: true })) {
      if (!file.endsWith('.ts') || file.endsWith('.d.ts')) continue;
      const source = path.join(folder, file);
      const built = statSync(path.join(ROOT, 'dist', source.replace(/\.ts$/, '.js')), { throwIfNoEntry: false });
      if (built === undefined || built.mtimeMs < statSync(path.join(ROOT, source)).mtimeMs) return source;
    }
  }
  return undefined;
}

if (statSync(MAIN, { throwIfNoEntry: false }) === undefined) {
  process.stderr.write(`gsef: cannot start: the program is not built (no dist/src/main.js): ${REBUILD}\n`);
  process.exit(1);
}
const stale = firstStaleSource();
// A stale build still starts, with a warning: it is a whole, earlier version of the program, and
// an operator's server must come up (after a `git pull` without a build, or sources whose times
// a copy changed) rather than stay down until someone reads the log.
if (stale !== undefined) {
  process.stderr.write(`gsef: warning: the build in dist/ is older than ${stale}: starting it anyway; ${REBUILD}\n`);
}
await import(pathToFileURL(MAIN).href);
