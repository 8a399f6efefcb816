#!/usr/bin/env node
// The `gsef` command: runs the compiled CLI (built by `npm install` / `npm run build`).
import { stopQuietlyWhenTheReaderLeaves } from '../dist/src/broken-pipe.js';
import { main } from '../dist/src/cli/main.js';

stopQuietlyWhenTheReaderLeaves('gsef');

process.exitCode = await main(process.argv.slice(2));
