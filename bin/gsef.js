#!/usr/bin/env node
// The `gsef` command: runs the program built by `npm install` / `npm run build`, bundled when the
// bundle is current (bin/build-freshness.js).
import { existsSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { programFolder } from './build-freshness.js';

// Node.js 22 and later keep the code they compile on disk (in NODE_COMPILE_CACHE, else the system's
// temporary folder) and reuse it when the file is unchanged: less to compile on every run. Node.js 20
// has no such cache.
module.enableCompileCache?.();

const folder = programFolder();
const cli = path.join(folder, 'cli/main.js');
if (!existsSync(cli)) {
  process.stderr.write('gsef: the program is not built (no dist/src/cli/main.js): run `npm run build`\n');
  process.exit(1);
}
const { stopQuietlyWhenTheReaderLeaves } = await import(pathToFileURL(path.join(folder, 'broken-pipe.js')).href);
const { main } = await import(pathToFileURL(cli).href);

stopQuietlyWhenTheReaderLeaves('gsef');

process.exitCode = await main(process.argv.slice(2));
