// The data parsed in a worker thread, as `npm start` parses it: through the built modules (the
// integration setup builds dist/ first), since a worker cannot run the TypeScript sources on Node 20.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOfTestData } from '../support/test-data.js';

const DIST = path.resolve(import.meta.dirname, '../../dist/src');
type CacheModule = typeof import('../../src/catalog/catalog-cache.js');
type WorkerModule = typeof import('../../src/catalog/parse-in-worker.js');
type LoaderModule = typeof import('../../src/catalog/load-catalog.js');
type ErrorsModule = typeof import('../../src/errors.js');
const { loadCatalogWithCache } = (await import(path.join(DIST, 'catalog/catalog-cache.js'))) as CacheModule;
const { parseInWorker, CATALOG_WORKER } = (await import(path.join(DIST, 'catalog/parse-in-worker.js'))) as WorkerModule;
const { loadCatalog } = (await import(path.join(DIST, 'catalog/load-catalog.js'))) as LoaderModule;
const { DataError } = (await import(path.join(DIST, 'errors.js'))) as ErrorsModule;

const emptyCache = () => mkdtemp(path.join(tmpdir(), 'gsef-worker-cache-'));

/** What a load settled with: the catalog, or the error. */
const outcome = (load: Promise<unknown>) =>
  load.then(
    (catalog) => ({ catalog }),
    (error: unknown) => ({ error }),
  );

const neverParses = () => Promise.reject(new Error('parsed again: the cache was missed'));

describe('the data parsed in a worker thread', { timeout: 60_000 }, () => {
  it('runs the compiled worker beside its caller', () => {
    expect(CATALOG_WORKER).toBe(path.join(DIST, 'catalog/catalog-worker.js'));
  });

  it('gives the catalog an in-thread load gives, Maps and all, and caches it', async () => {
    const [data, cacheDir] = await Promise.all([copyOfTestData(), emptyCache()]);
    const notes: string[] = [];
    const inWorker = await loadCatalogWithCache(data, { cacheDir, parse: parseInWorker, note: (m) => notes.push(m) });
    expect(inWorker.locales.fr).toBeInstanceOf(Map);
    expect(inWorker).toStrictEqual(await loadCatalog(data));
    expect(notes).toEqual([]);
    expect(await readdir(cacheDir)).toHaveLength(1);
    expect(await loadCatalogWithCache(data, { cacheDir, parse: neverParses })).toStrictEqual(inWorker);
  });

  it('takes the parts of the unchanged files from the cache, and gives what a fresh load gives', async () => {
    const [data, cacheDir] = await Promise.all([copyOfTestData(), emptyCache()]);
    await loadCatalogWithCache(data, { cacheDir, parse: parseInWorker });
    const events = path.join(data, 'events.yaml');
    await writeFile(events, (await readFile(events, 'utf8')).replace(/^(\s+en: )(.*)$/m, '$1$2 (edited)'));
    const misses: Parameters<typeof parseInWorker>[0][] = [];
    const edited = await loadCatalogWithCache(data, {
      cacheDir,
      parse: (miss, note) => {
        misses.push(miss);
        return parseInWorker(miss, note);
      },
    });
    expect(Object.keys(misses[0]!.known.parts).sort()).toEqual([
      'meetings',
      'members',
      'places',
      'programmes',
      'settings',
    ]);
    expect(Object.keys(misses[0]!.known.locales).sort()).toEqual(['en', 'es', 'fr']);
    expect(JSON.stringify(edited.events)).toContain('(edited)');
    expect(edited).toStrictEqual(await loadCatalog(data));
  });

  it("gives back the data's problems as a DataError with the same problems", async () => {
    const [data, cacheDir] = await Promise.all([copyOfTestData(), emptyCache()]);
    const places = path.join(data, 'places.yaml');
    await writeFile(places, (await readFile(places, 'utf8')).replace('region: europe', 'region: atlantis'));
    const inWorker = await outcome(loadCatalogWithCache(data, { cacheDir, parse: parseInWorker }));
    const inThread = await outcome(loadCatalog(data));
    expect('error' in inWorker && inWorker.error).toBeInstanceOf(DataError);
    expect(inWorker).toStrictEqual(inThread);
    const { problems } = (inWorker as { error: InstanceType<typeof DataError> }).error;
    expect(problems.map((problem) => problem.message).join('\n')).toContain('atlantis');
    expect(problems[0]).toEqual({
      file: expect.any(String),
      line: expect.any(Number),
      field: expect.any(String),
      message: expect.any(String),
    });
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('passes on what the worker notes of the cache', async () => {
    const [data, cacheDir] = await Promise.all([copyOfTestData(), emptyCache()]);
    const notAFolder = path.join(cacheDir, 'a-file');
    await writeFile(notAFolder, '');
    const notes: { message: string; context: Record<string, unknown> }[] = [];
    const catalog = await loadCatalogWithCache(data, {
      cacheDir: path.join(notAFolder, 'cache'),
      parse: parseInWorker,
      note: (message, context) => notes.push({ message, context }),
    });
    expect(catalog.events.events.length).toBe(34);
    expect(notes).toEqual([
      {
        message: 'cannot write the data cache: the next start loads the data again',
        context: { file: expect.stringContaining(notAFolder), error: expect.any(Error) },
      },
    ]);
  });
});

describe('a worker thread that fails', { timeout: 60_000 }, () => {
  const miss = async () => ({
    dataDir: await copyOfTestData(),
    files: new Map(),
    cacheDir: await emptyCache(),
    file: 'unused.json',
    key: undefined,
    known: { parts: {}, locales: {} },
  });
  /** A worker module of the test's own: `code` is its whole text. */
  const workerModule = async (code: string) => {
    const file = path.join(await emptyCache(), 'worker.mjs');
    await writeFile(file, code);
    return file;
  };
  const failure = async (module: string) => {
    const settled = await outcome(parseInWorker(await miss(), () => {}, module));
    expect(settled).toEqual({ error: expect.any(Error) });
    const { error } = settled as { error: Error };
    expect(error).not.toBeInstanceOf(DataError);
    return error.message;
  };

  it('that cannot start is a load error, not a hang', async () => {
    expect(await failure(path.join(tmpdir(), 'no-such-folder', 'catalog-worker.js'))).toMatch(
      /^cannot load the data: the thread that parses it (could not start|failed): .*no-such-folder/,
    );
  });

  it('that throws is a load error that says why', async () => {
    expect(await failure(await workerModule("throw new Error('the parser broke');"))).toBe(
      'cannot load the data: the thread that parses it failed: the parser broke',
    );
  });

  it('that stops without an answer is a load error', async () => {
    expect(await failure(await workerModule('process.exit(3);'))).toBe(
      'cannot load the data: the thread that parses it stopped (exit code 3) before it gave the data',
    );
    expect(await failure(await workerModule(''))).toBe(
      'cannot load the data: the thread that parses it stopped (exit code 0) before it gave the data',
    );
  });
});
