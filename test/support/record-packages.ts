// Preloaded (`node --import dist/test/support/record-packages.js`) by the tests that check which
// packages a process loads: every package the process imports, from node_modules or bundled into
// a file of dist/bundle/ it loads, is appended, once, one name a line, to the file named by
// GSEF_TEST_PACKAGES_FILE.
import { register } from 'node:module';

const file = process.env.GSEF_TEST_PACKAGES_FILE;
if (!file) throw new Error('record-packages: set GSEF_TEST_PACKAGES_FILE to the file that receives the names');
register('./package-recorder-hooks.js', import.meta.url, { data: { file } });
