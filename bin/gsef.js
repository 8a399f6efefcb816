#!/usr/bin/env node
// The `gsef` command: runs the compiled CLI (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { URL } from 'node:url';

const cli = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('gsef: the program is not built (no dist/src/cli/main.js): run `npm run build`\n');
  process.exit(1);
}
const { stopQuietlyWhenTheReaderLeaves } = await import(new URL('../dist/src/broken-pipe.js', import.meta.url).href);
const { main } = await import(cli.href);

stopQuietlyWhenTheReaderLeaves('gsef');

process.exitCode = await main(process.argv.slice(2));
