import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DataError } from '../errors.js';
import { PROJECT_ROOT } from '../project-root.js';
import type { CacheMiss, CacheNote } from './catalog-cache.js';
import type { CatalogWorkerMessage } from './catalog-worker.js';
import type { Catalog } from './load-catalog.js';

const BUNDLE = path.join(PROJECT_ROOT, 'dist', 'bundle');

/**
 * The worker's module: beside this one when compiled (dist/src/catalog/); when bundled, this code
 * sits in a file at the top of dist/bundle/, and the worker is the bundle's entry catalog/catalog-worker.js
 * (BUNDLED_ENTRIES in bin/build-freshness.js). From the sources (.ts, the unit tests) there is none
 * Node 20 can run: the loader runs in-thread there.
 */
export const CATALOG_WORKER = import.meta.filename.startsWith(BUNDLE + path.sep)
  ? path.join(BUNDLE, 'catalog', 'catalog-worker.js')
  : path.join(import.meta.dirname, `catalog-worker${path.extname(import.meta.filename)}`);

/**
 * A {@link CatalogParser} (catalog-cache.ts) that parses, validates and caches the data in a
 * worker thread, while this one goes on: on a reload, it keeps answering from the version in use. It resolves with the same catalog, or
 * rejects with the same DataError, as an in-thread load; a worker that cannot start, crashes or
 * stops without an answer rejects with an Error that says so.
 */
export function parseInWorker(miss: CacheMiss, note: CacheNote, workerModule = CATALOG_WORKER): Promise<Catalog> {
  return new Promise((resolve, reject) => {
    const failed = (why: string, cause?: unknown) =>
      reject(new Error(`cannot load the data: the thread that parses it ${why}`, { cause }));
    let worker: Worker;
    try {
      worker = new Worker(workerModule, { workerData: miss });
    } catch (error) {
      failed(`could not start: ${(error as Error).message}`, error);
      return;
    }
    worker.on('message', (message: CatalogWorkerMessage) => {
      if (message.kind === 'note') note(message.message, message.context);
      else if (message.kind === 'loaded') resolve(message.catalog);
      else reject(new DataError(message.problems));
    });
    worker.on('error', (error) => failed(`failed: ${error.message}`, error));
    // Its messages are all heard before it exits: after an answer, this rejects nothing.
    worker.on('exit', (code) => failed(`stopped (exit code ${code}) before it gave the data`));
  });
}
