/**
 * The worker thread of parse-in-worker.ts: parses, validates and caches the data folder the cache
 * missed (its workerData), and tells the thread that started it its notes, then the catalog or
 * the data's problems. Any other failure is thrown: the starting thread hears it as the worker's error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DataError, type DataProblem } from '../errors.js';
import { parseAndCache, type CacheMiss } from './catalog-cache.js';
import type { Catalog } from './load-catalog.js';

/** What the worker tells the thread that started it. The catalog crosses by structured clone (its Maps too). */
export type CatalogWorkerMessage =
  | { kind: 'note'; message: string; context: Record<string, unknown> }
  | { kind: 'loaded'; catalog: Catalog }
  | { kind: 'problems'; problems: readonly DataProblem[] };

if (!parentPort) throw new Error('catalog-worker.js runs as a worker thread (parse-in-worker.ts starts it)');
const port = parentPort;
const post = (message: CatalogWorkerMessage) => port.postMessage(message);

const miss = workerData as CacheMiss;
// A Buffer crosses the boundary as a plain Uint8Array, whose toString is not its text.
const files = new Map(
  [...miss.files].map(([name, content]) => [
    name,
    typeof content === 'string' ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength),
  ]),
);
try {
  const catalog = await parseAndCache({ ...miss, files }, (message, context) =>
    post({ kind: 'note', message, context }),
  );
  post({ kind: 'loaded', catalog });
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  // A DataError would cross as a plain Error: its problems are sent, and made a DataError again there.
  post({ kind: 'problems', problems: error.problems });
}
