import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runNodeRecordingLoads } from '../cli/module-loads.js';
import { copyOfTestData } from '../support/test-data.js';

// The built cache module, as `npm start` and `gsef` load it (the integration setup builds dist/ first).
const CACHE_MODULE = pathToFileURL(path.resolve(import.meta.dirname, '../../dist/src/catalog/catalog-cache.js')).href;

/** The modules of the parse-and-validate path. */
const PARSING = /\/node_modules\/(yaml|zod)\/|\/catalog\/(load-catalog|schema|locale-schema|yaml-source)\.js$/;

/** Loads the catalog through the cache in a new process: the events it holds, and the parsing modules it loaded. */
async function loadInChild(dataDir: string, cacheDir: string) {
  const script = `const { loadCatalogWithCache } = await import(${JSON.stringify(CACHE_MODULE)});
const catalog = await loadCatalogWithCache(${JSON.stringify(dataDir)}, { cacheDir: ${JSON.stringify(cacheDir)} });
console.log(catalog.events.events.length);`;
  const { code, stdout, loaded } = await runNodeRecordingLoads(['--input-type=module', '-e', script], {}, PARSING);
  expect(code).toBe(0);
  return { events: Number(stdout), loaded };
}

describe('a cache hit in a new process', { timeout: 60_000 }, () => {
  it('loads neither yaml, nor zod, nor the schemas and the loader', async () => {
    const [data, cacheDir] = await Promise.all([copyOfTestData(), mkdtemp(path.join(tmpdir(), 'gsef-cache-'))]);
    const miss = await loadInChild(data, cacheDir);
    expect(miss.events).toBe(34);
    // The hooks see them when they are loaded: a miss loads all of them.
    expect(miss.loaded.join('\n')).toMatch(/node_modules\/yaml\//);
    expect(miss.loaded.join('\n')).toMatch(/node_modules\/zod\//);
    expect(miss.loaded.join('\n')).toMatch(/catalog\/schema\.js/);
    const hit = await loadInChild(data, cacheDir);
    expect(hit).toEqual({ events: 34, loaded: [] });
  });
});
