#!/usr/bin/env node
// The `gsef` command: runs the compiled CLI (built by `npm install` / `npm run build`).
import { main } from '../dist/src/cli/main.js';

// `gsef … | head` closes the pipe before the output ends: the reader has what it wanted, so stop
// quietly (exit 0) instead of dying on EPIPE with a stack trace. Any other write error is one line.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') process.stderr.write(`gsef: cannot write the output: ${error.message}\n`);
    process.exit(error.code === 'EPIPE' ? 0 : 1);
  });
}

process.exitCode = await main(process.argv.slice(2));
