import { mkdtemp, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadCatalogWithCache,
  MAX_CACHE_FILES,
  parseAndCache,
  type CacheMiss,
  type CatalogCacheOptions,
} from '../../src/catalog/catalog-cache.js';
import { loadCatalog } from '../../src/catalog/load-catalog.js';
import { DataError, type DataProblem } from '../../src/errors.js';
import { copyOfTestData } from '../support/test-data.js';

/** A fresh, empty cache folder, and the notes the cache leaves (why it could not be used). */
async function emptyCache(): Promise<CatalogCacheOptions & { notes: string[] }> {
  const notes: string[] = [];
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'gsef-cache-'));
  return { cacheDir, notes, note: (message) => notes.push(message) };
}

/** The one cache file in `cacheDir`. */
async function cacheFileIn(cacheDir: string): Promise<string> {
  const names = await readdir(cacheDir);
  expect(names).toHaveLength(1);
  return path.join(cacheDir, names[0]!);
}

async function problemsOf(load: Promise<unknown>): Promise<string[]> {
  const error: unknown = await load.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DataError);
  return (error as DataError).problems.map((problem) => `${problem.field ?? ''} ${problem.message}`);
}

/** The problems a load fails with, each with its file and line. */
async function problemsWithLines(load: Promise<unknown>): Promise<DataProblem[]> {
  const error: unknown = await load.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DataError);
  return [...(error as DataError).problems];
}

describe('the catalog cache', () => {
  it('gives on a hit the catalog a fresh load gives, locales Maps included', async () => {
    const [data, cache] = await Promise.all([copyOfTestData(), emptyCache()]);
    const missed = await loadCatalogWithCache(data, cache);
    const hit = await loadCatalogWithCache(data, cache);
    const fresh = await loadCatalog(data);
    expect(missed).toStrictEqual(fresh);
    expect(hit).toStrictEqual(fresh);
    expect(hit.locales.fr).toBeInstanceOf(Map);
    expect(hit.locales.fr.get('commands.agenda.summary')).toBe(fresh.locales.fr.get('commands.agenda.summary'));
    expect(cache.notes).toEqual([]);
  });

  it('writes its file in ASCII alone, and gives back every character beyond it as it was', async () => {
    const [data, cache] = await Promise.all([copyOfTestData(), emptyCache()]);
    // Accents (the French and Spanish messages), a character beyond 16 bits, and an escape's look-alike.
    const summary = 'The next GSEF event: Économie sociale 🌍 \\u00e9 — ñ.';
    const en = path.join(data, 'locales/en.yaml');
    await writeFile(en, (await readFile(en, 'utf8')).replace(/^( {4}summary: ).*$/m, `$1${JSON.stringify(summary)}`));
    const missed = await loadCatalogWithCache(data, cache);
    const bytes = await readFile(await cacheFileIn(cache.cacheDir));
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    const hit = await loadCatalogWithCache(data, cache);
    expect(hit.locales.en.get('commands.next-event.summary')).toBe(summary);
    expect(hit).toStrictEqual(missed);
    expect(cache.notes).toEqual([]);
  });

  it('reads a hit from the cache file, not from the data files', async () => {
    const [data, cache] = await Promise.all([copyOfTestData(), emptyCache()]);
    await loadCatalogWithCache(data, cache);
    const file = await cacheFileIn(cache.cacheDir);
    const cached = JSON.parse(await readFile(file, 'utf8')) as {
      parts: { places: { cities: Record<string, { name: { en: string } }> } };
    };
    cached.parts.places.cities.seoul!.name.en = 'Seoul (from the cache)';
    await writeFile(file, JSON.stringify(cached));
    expect((await loadCatalogWithCache(data, cache)).places.cities.seoul?.name.en).toBe('Seoul (from the cache)');
  });

  it('misses once a data file is edited, and gives the edited data', async () => {
    const [data, cache] = await Promise.all([copyOfTestData(), emptyCache()]);
    await loadCatalogWithCache(data, cache);
    const places = path.join(data, 'places.yaml');
    await writeFile(
      places,
      (await readFile(places, 'utf8')).replace('{ en: Seoul, fr: Séoul', '{ en: Seoul City, fr: Séoul'),
    );
    expect((await loadCatalogWithCache(data, cache)).places.cities.seoul?.name.en).toBe('Seoul City');
    expect(await loadCatalogWithCache(data, cache)).toStrictEqual(await loadCatalog(data));
  });

  it('parses again only the files changed since: the parts of the others come from the cache', async () => {
    const [data, cache] = await Promise.all([copyOfTestData(), emptyCache()]);
    await loadCatalogWithCache(data, cache);
    const file = await cacheFileIn(cache.cacheDir);
    // Marks in the cache file, where only an unchanged file's part is taken from.
    const cached = JSON.parse(await readFile(file, 'utf8')) as {
      parts: {
        places: { cities: Record<string, { name: { en: string } }> };
        events: { events: { title: { en: string } }[] };
      };
      locales: Record<string, [string, unknown][]>;
    };
    cached.parts.places.cities.seoul!.name.en = 'Seoul (from the cache)';
    cached.parts.events.events[0]!.title.en = 'An event from the cache';
    const summary = cached.locales.fr!.find(([name]) => name === 'commands.next-event.summary')!;
    summary[1] = 'Résumé (du cache)';
    await writeFile(file, JSON.stringify(cached));
    const events = path.join(data, 'events.yaml');
    await writeFile(events, `${await readFile(events, 'utf8')}\n# edited\n`);
    const loaded = await loadCatalogWithCache(data, cache);
    expect(loaded.places.cities.seoul?.name.en).toBe('Seoul (from the cache)');
    expect(loaded.locales.fr.get('commands.next-event.summary')).toBe('Résumé (du cache)');
    expect(loaded.events.events[0]?.title.en).not.toBe('An event from the cache');
    expect(loaded.events).toStrictEqual((await loadCatalog(data)).events);
    expect(cache.notes).toEqual([]);
  });

  it.each([
    [
      'a place removed that an unchanged file names',
      'places.yaml',
      (text: string) => text.replace(/^ {2}rome:$/m, '  roma:'),
      /unknown city.*"rome"/,
    ],
    [
      'a message added in English that the unchanged translations lack',
      'locales/en.yaml',
      (text: string) => text.replace(/^( {4}summary: .*)$/m, '$1\n    extra: "One more message."'),
      /missing: en\.yaml has this key/,
    ],
  ])(
    'checks what spans files again after an edit (%s): the same problems, at the same lines, as a fresh load',
    async (_edit, name, edit, expected) => {
      const [data, cache] = await Promise.all([copyOfTestData(), emptyCache()]);
      await loadCatalogWithCache(data, cache);
      const edited = path.join(data, name);
      await writeFile(edited, edit(await readFile(edited, 'utf8')));
      const fresh = await problemsWithLines(loadCatalog(data));
      expect(fresh.map((problem) => problem.message).join('\n')).toMatch(expected);
      // Located in the files left unchanged, whose parts the cache holds: found again there, lines included.
      expect(fresh.every((problem) => problem.line !== undefined)).toBe(true);
      expect(fresh.filter((problem) => !problem.file.endsWith(name))).not.toEqual([]);
      expect(await problemsWithLines(loadCatalogWithCache(data, cache))).toEqual(fresh);
    },
  );

  it('takes a cache file of another version of this program for a miss, not for damage', async () => {
    const [data, cache] = await Promise.all([copyOfTestData(), emptyCache()]);
    const fresh = await loadCatalogWithCache(data, cache);
    const file = await cacheFileIn(cache.cacheDir);
    const intact = await readFile(file, 'utf8');
    await writeFile(file, intact.replace(/"format":"gsef-catalog-cache\/\d+"/, '"format":"gsef-catalog-cache/1"'));
    expect(await loadCatalogWithCache(data, cache)).toStrictEqual(fresh);
    expect(cache.notes).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(intact);
  });

  it.each([
    ['corrupt', () => '{"format": "gsef-catalog-cache/1", "key": '],
    ['truncated', (text: string) => text.slice(0, text.length / 2)],
    ['foreign', () => JSON.stringify({ name: 'some other program', version: 1 })],
    [
      'of the right key but the wrong shape',
      (text: string) => text.replace('"locales":{"en":[', '"locales":{"en":[1,'),
    ],
  ])('falls back to a full load over a %s cache file, and replaces it', async (_kind, damage) => {
    const [data, cache] = await Promise.all([copyOfTestData(), emptyCache()]);
    const fresh = await loadCatalogWithCache(data, cache);
    const file = await cacheFileIn(cache.cacheDir);
    const intact = await readFile(file, 'utf8');
    await writeFile(file, damage(intact));
    expect(await loadCatalogWithCache(data, cache)).toStrictEqual(fresh);
    expect(cache.notes).toEqual(['the data cache is damaged: the data is loaded again']);
    expect(await readFile(file, 'utf8')).toBe(intact);
  });

  it('still answers when the cache folder cannot be written (a path under a file: root ignores modes)', async () => {
    const [data, cache] = await Promise.all([copyOfTestData(), emptyCache()]);
    const notAFolder = path.join(cache.cacheDir, 'a-file');
    await writeFile(notAFolder, '');
    const unwritable = { ...cache, cacheDir: path.join(notAFolder, 'cache') };
    const first = await loadCatalogWithCache(data, unwritable);
    expect(await loadCatalogWithCache(data, unwritable)).toStrictEqual(first);
    expect(first).toStrictEqual(await loadCatalog(data));
    expect(cache.notes).toEqual([
      'cannot write the data cache: the next start loads the data again',
      'cannot write the data cache: the next start loads the data again',
    ]);
  });

  it("parses a miss with the parser given (the server's runs in a worker), and not a hit", async () => {
    const [data, cache] = await Promise.all([copyOfTestData(), emptyCache()]);
    const misses: CacheMiss[] = [];
    const parse = (miss: CacheMiss, note: (message: string, context: Record<string, unknown>) => void) => {
      misses.push(miss);
      return parseAndCache(miss, note);
    };
    const missed = await loadCatalogWithCache(data, { ...cache, parse });
    expect(await loadCatalogWithCache(data, { ...cache, parse })).toStrictEqual(missed);
    expect(misses).toHaveLength(1);
    expect(misses[0]).toMatchObject({
      dataDir: data,
      cacheDir: cache.cacheDir,
      key: { key: expect.stringMatching(/^[0-9a-f]{64}$/) },
      known: { parts: {}, locales: {} },
    });
    expect(misses[0]!.files.get('events.yaml')).toBeInstanceOf(Buffer);
    expect(misses[0]!.file).toBe(await cacheFileIn(cache.cacheDir));
  });

  it('never caches data with problems: every load reports them', async () => {
    const [data, cache] = await Promise.all([copyOfTestData(), emptyCache()]);
    const places = path.join(data, 'places.yaml');
    await writeFile(places, (await readFile(places, 'utf8')).replace('region: europe', 'region: atlantis'));
    const first = await problemsOf(loadCatalogWithCache(data, cache));
    expect(first.join('\n')).toContain('atlantis');
    expect(await readdir(cache.cacheDir)).toEqual([]);
    expect(await problemsOf(loadCatalogWithCache(data, cache))).toEqual(first);
  });

  it(`keeps at most ${MAX_CACHE_FILES} files, removing the oldest`, async () => {
    const [data, cache] = await Promise.all([copyOfTestData(), emptyCache()]);
    const longAgo = new Date('2020-01-01T00:00:00Z');
    const others = Array.from(
      { length: MAX_CACHE_FILES + 2 },
      (_, i) => `catalog-other-${String(i).padStart(2, '0')}.json`,
    );
    for (const [i, name] of others.entries()) {
      const file = path.join(cache.cacheDir, name);
      await writeFile(file, '{}');
      await utimes(file, longAgo, new Date(longAgo.getTime() + i * 1000));
    }
    await loadCatalogWithCache(data, cache);
    const kept = await readdir(cache.cacheDir);
    expect(kept).toHaveLength(MAX_CACHE_FILES);
    // The newest of the others stay, with the one just written.
    expect(kept.filter((name) => !others.includes(name))).toHaveLength(1);
    expect(kept).toEqual(expect.arrayContaining(others.slice(-(MAX_CACHE_FILES - 1))));
  });
});
