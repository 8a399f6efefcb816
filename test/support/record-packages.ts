// Preloaded (`node --import dist/test/support/record-packages.js`) by the tests that check which
// packages a process loads: every package the process imports, from node_modules or bundled into
// a file of dist/bundle/ it imports, and every package it requires, is appended, once, one name a
// line, to the file named by GSEF_TEST_PACKAGES_FILE. (The packages bundled into the CLI's
// script, which bin/gsef.js compiles itself, are listed in dist/bundle/bundled-packages.json.)
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { packageOf } from './package-recorder-hooks.js';

const file = process.env.GSEF_TEST_PACKAGES_FILE;
if (!file) throw new Error('record-packages: set GSEF_TEST_PACKAGES_FILE to the file that receives the names');
register('./package-recorder-hooks.js', import.meta.url, { data: { file } });

// What is required passes by no hook: the packages in require's cache are listed at exit.
process.on('exit', () => {
  const required = new Set(Object.keys(createRequire(import.meta.url).cache).map(packageOf));
  required.delete(undefined);
  if (required.size > 0) appendFileSync(file, [...required].map((name) => `${name}\n`).join(''));
});
