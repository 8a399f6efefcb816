// The last step of `npm run build` (and so of `npm install`): reads the data folder into its cache
// (src/catalog/catalog-cache.ts) now, so that the first `npm start` or `gsef` after an install or
// a build finds the data already parsed and checked (at 1x the seed, 0.6 s of a start; seconds at
// 100x). It never fails the build: data with problems is left for `gsef check-data` and the next
// start to report, file by file.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { COMPILED } from './build-freshness.js';

const load = (module) => import(pathToFileURL(path.join(COMPILED, module)).href);
const { catalogCacheDir, loadCatalogWithCache } = await load('catalog/catalog-cache.js');
const { DEFAULT_DATA_DIR } = await load('project-root.js');
const { DataError, formatProblem } = await load('errors.js');
// What this prints quotes the environment and the files: one line each, no escape sequence reaches the terminal.
const { escapeUnprintable } = await load('one-line.js');

// As the program reads it (src/config.ts), without checking the rest of the environment.
const dataDir = path.resolve(process.env.GSEF_DATA_DIR || DEFAULT_DATA_DIR);
try {
  await loadCatalogWithCache(dataDir, {
    cacheDir: catalogCacheDir(process.env),
    note: (message, { file }) =>
      process.stderr.write(`gsef: ${escapeUnprintable(`${message}${file ? ` (${file})` : ''}`)}\n`),
  });
} catch (error) {
  const problems = error instanceof DataError ? error.problems : [];
  const reason =
    problems.length > 0
      ? `${formatProblem(problems[0])}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`
      : error instanceof Error
        ? error.message.split('\n')[0]
        : String(error);
  const line = `the data in ${dataDir} was not cached: ${reason}; \`gsef check-data\` lists every problem`;
  process.stderr.write(`gsef: ${escapeUnprintable(line)}\n`);
}
