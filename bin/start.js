// `npm start`: runs the program built into dist/ by `npm install` / `npm run build` (bundled when
// the bundle is current: bin/build-freshness.js), without compiling (tsc takes 20 to 120 s on a busy
// machine). It runs in this process, so the Node.js flags that package.json gives this script are
// the program's.
import { statSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { firstStaleSource, programFolder } from './build-freshness.js';

// Node.js 22 and later keep the code they compile on disk (in NODE_COMPILE_CACHE, else the system's
// temporary folder) and reuse it when the file is unchanged: less to compile on every run. Node.js 20
// has no such cache.
module.enableCompileCache?.();

const MAIN = path.join(programFolder(), 'main.js');
const REBUILD = 'run `npm run build` (or `npm run dev` while developing)';

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
