#!/usr/bin/env node
// The `gsef` command: runs the program built by `npm install` / `npm run build`, bundled when the
// bundle is current (bin/build-freshness.js).
import { existsSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUNDLE, CLI_SCRIPT, ROOT, programFolder } from './build-freshness.js';
import { codeCacheFile, runWithCodeCache } from './code-cache.js';

// Node.js 22 and later keep the code they compile on disk (in NODE_COMPILE_CACHE, else the system's
// temporary folder) and reuse it when the file is unchanged: less to compile on every run. Node.js 20
// has no such cache for ES modules: the bundled CLI is a script, run with a code cache of its own.
module.enableCompileCache?.();

const folder = programFolder();
const bundled = folder === BUNDLE;
const program = bundled ? path.join(BUNDLE, CLI_SCRIPT.bundled) : path.join(folder, CLI_SCRIPT.entry);
if (!existsSync(program)) {
  process.stderr.write(`gsef: the program is not built (no ${path.relative(ROOT, program)}): run \`npm run build\`\n`);
  process.exit(1);
}
// The bundle runs as a script with its code cache; the compiled program as ES modules.
const run = bundled ? runWithCodeCache(program, codeCacheFile(program)) : undefined;
const cli = run ? run.exports : await import(pathToFileURL(program).href);
cli.stopQuietlyWhenTheReaderLeaves('gsef');
process.exitCode = await cli.main(process.argv.slice(2));
run?.saveCache();
