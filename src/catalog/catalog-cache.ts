import { isAscii } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LANGS, type Lang } from '../domain/vocabulary.js';
import { PROJECT_ROOT } from '../project-root.js';
import { catalogCacheKey, folderHash, type CatalogCacheKey } from './catalog-cache-key.js';
import { localeFile, PART_FILES, readCatalogFiles, type CatalogFiles } from './data-files.js';
import type { Catalog, KnownParts, Messages } from './load-catalog.js';

/** The most cache files kept (one per data folder): the least recently written go first. */
export const MAX_CACHE_FILES = 16;

/** Written in every cache file, so that a file of another program or format is never read as one. */
const FORMAT_NAME = 'gsef-catalog-cache/';
const FORMAT = `${FORMAT_NAME}2`;
const PREFIX = 'catalog-';

/** The folder of the cache: GSEF_CACHE_DIR, else var/cache in the project. */
export function catalogCacheDir(env: NodeJS.ProcessEnv): string {
  return env.GSEF_CACHE_DIR || path.join(PROJECT_ROOT, 'var', 'cache');
}

export interface CatalogCacheOptions {
  /** The folder holding the cache files. */
  cacheDir: string;
  /** Told why the cache could not be read or written; the load goes on without it. */
  note?: CacheNote;
  /**
   * Parses, validates and caches the data when the cache misses: {@link parseAndCache} in this
   * thread by default; the server passes one that runs it in a worker thread (parse-in-worker.ts).
   */
  parse?: CatalogParser;
}

/** Told why the cache could not be read or written. */
export type CacheNote = (message: string, context: Record<string, unknown>) => void;

/**
 * A load the cache missed: the files read, the parts of the catalog the cache still holds for
 * those of them unchanged, and where to cache what they give (no key: not cached).
 */
export interface CacheMiss {
  dataDir: string;
  files: CatalogFiles;
  known: KnownParts;
  cacheDir: string;
  file: string;
  key: CatalogCacheKey | undefined;
}

export type CatalogParser = (miss: CacheMiss, note: CacheNote) => Promise<Catalog>;

/**
 * The data folder's catalog as {@link loadCatalog} gives it, read from the cache when the cache
 * was written by the same program from the same files, loaded otherwise: the files changed since
 * are parsed and validated, the others' parts taken from the cache, and what spans files is
 * checked again (an edit of events.yaml does not parse the messages again).
 * Only a catalog that loaded is cached: problems are always found by a real load. Nothing about
 * the cache ever fails the load: a missing, stale, corrupt or unwritable cache means a full load.
 * The parser, the schemas and their libraries are imported only when a load is needed.
 */
export async function loadCatalogWithCache(dataDir: string, options: CatalogCacheOptions): Promise<Catalog> {
  const note = options.note ?? (() => {});
  const files = await readCatalogFiles(dataDir);
  const key = await catalogCacheKey(files).catch((error: unknown) => {
    note('cannot use the data cache: the program cannot be read', { error });
    return undefined;
  });
  const file = path.join(options.cacheDir, `${PREFIX}${folderHash(dataDir)}.json`);
  const cached = key === undefined ? undefined : await readCache(file, key, note);
  if (cached && 'catalog' in cached) return cached.catalog;
  const parse = options.parse ?? parseAndCache;
  // Nothing known without a cache file of this version: every file is parsed.
  const known = cached?.known ?? { parts: {}, locales: {} };
  return parse({ dataDir, files, known, cacheDir: options.cacheDir, file, key }, note);
}

/**
 * Parses and validates the files the cache missed, and caches the catalog they give. Where it
 * runs, the loading and the writing of the cache run (a large folder's JSON takes a while too).
 */
export async function parseAndCache(miss: CacheMiss, note: CacheNote): Promise<Catalog> {
  const { loadCatalog } = await import('./load-catalog.js');
  const catalog = await loadCatalog(miss.dataDir, miss.files, miss.known);
  if (miss.key !== undefined) await writeCache(miss.cacheDir, miss.file, miss.key, catalog, note);
  return catalog;
}

/**
 * The cached catalog when it holds for this key; else the parts of it that hold for the files
 * unchanged; undefined when there is no cache file, one of another version, or a damaged one.
 */
async function readCache(
  file: string,
  key: CatalogCacheKey,
  note: CacheNote,
): Promise<{ catalog: Catalog } | { known: KnownParts } | undefined> {
  let text: string;
  try {
    text = decodeCacheFile(await readFile(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') note('cannot read the data cache', { file, error });
    return undefined;
  }
  try {
    return fromCacheFile(JSON.parse(text) as unknown, key);
  } catch (error) {
    note('the data cache is damaged: the data is loaded again', { file, error });
    return undefined;
  }
}

/** Written to a file of its own, then renamed: a reader sees the whole of the old file or of the new. */
async function writeCache(
  cacheDir: string,
  file: string,
  key: CatalogCacheKey,
  catalog: Catalog,
  note: CacheNote,
): Promise<void> {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    const text = asciiJson(toCacheFile(catalog, key));
    await mkdir(cacheDir, { recursive: true });
    await writeFile(temporary, text, { mode: 0o600 });
    await rename(temporary, file);
    await removeOldest(cacheDir);
  } catch (error) {
    note('cannot write the data cache: the next start loads the data again', { file, error });
    await rm(temporary, { force: true }).catch(() => {});
  }
}

/**
 * JSON in ASCII alone: every other character written as its escape (`\u00e9`). Decoding UTF-8 is
 * the slow part of reading the cache (20 ms of the 4 MB of 100 times the data, as long as parsing
 * it), and ASCII needs no decoding ({@link decodeCacheFile}).
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\0-\x7f]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A cache file's text: its bytes taken as they are when all are ASCII (as written), else decoded as UTF-8. */
function decodeCacheFile(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** Keeps the folder to {@link MAX_CACHE_FILES}: one per data folder, and many folders only in tests. */
async function removeOldest(cacheDir: string): Promise<void> {
  const names = (await readdir(cacheDir)).filter((name) => name.startsWith(PREFIX));
  if (names.length <= MAX_CACHE_FILES) return;
  const ages = await Promise.all(
    names.map(async (name) => ({
      name,
      mtimeMs: await stat(path.join(cacheDir, name)).then(
        (info) => info.mtimeMs,
        // Removed meanwhile by another process: nothing left to remove.
        () => Infinity,
      ),
    })),
  );
  ages.sort((a, b) => a.mtimeMs - b.mtimeMs);
  const excess = ages.slice(0, ages.length - MAX_CACHE_FILES).filter((age) => age.mtimeMs !== Infinity);
  await Promise.all(excess.map(({ name }) => rm(path.join(cacheDir, name), { force: true })));
}

const PARTS = Object.keys(PART_FILES) as (keyof typeof PART_FILES)[];

/** The catalog as JSON holds it, with its key: the locales' Maps as lists of pairs. */
function toCacheFile(catalog: Catalog, key: CatalogCacheKey): unknown {
  const { locales, ...parts } = catalog;
  assertJsonFaithful(parts, 'catalog');
  const pairs = Object.fromEntries(LANGS.map((lang) => [lang, [...locales[lang]]]));
  return { format: FORMAT, key: key.key, program: key.program, files: key.files, parts, locales: pairs };
}

/**
 * The catalog of a parsed cache file when its key is this one; else its parts that hold for
 * this key (same program, same file bytes); undefined for a cache file of another version (a
 * miss). Throws when the file is not one of this program's.
 */
function fromCacheFile(file: unknown, key: CatalogCacheKey): { catalog: Catalog } | { known: KnownParts } | undefined {
  if (
    isRecord(file) &&
    typeof file.format === 'string' &&
    file.format.startsWith(FORMAT_NAME) &&
    file.format !== FORMAT
  )
    return undefined; // another version's: a miss, not damage
  if (!isRecord(file) || file.format !== FORMAT) throw new Error('not a cache file of this program');
  const { parts, locales, files } = file;
  if (!isRecord(parts) || !isRecord(locales) || !isRecord(files)) throw new Error('the cache file has no catalog');
  for (const part of PARTS) {
    if (!isRecord(parts[part])) throw new Error(`the cache file has no ${part}`);
  }
  const messages = {} as Record<Lang, Messages>;
  for (const lang of LANGS) messages[lang] = messagesFrom(locales[lang]);
  const catalog = { ...(parts as Omit<Catalog, 'locales'>), locales: messages };
  if (file.key === key.key) return { catalog };
  const unchanged = (name: string) => file.program === key.program && files[name] === key.files[name];
  return {
    known: {
      parts: Object.fromEntries(
        PARTS.filter((part) => unchanged(PART_FILES[part])).map((part) => [part, catalog[part]]),
      ),
      locales: Object.fromEntries(
        LANGS.filter((lang) => unchanged(localeFile(lang))).map((lang) => [lang, messages[lang]]),
      ),
    },
  };
}

function messagesFrom(pairs: unknown): Messages {
  if (!Array.isArray(pairs)) throw new Error('the cache file has no messages');
  const messages: Messages = new Map();
  for (const pair of pairs as unknown[]) {
    const [name, text] = Array.isArray(pair) ? (pair as unknown[]) : [];
    const isText = typeof text === 'string' || (Array.isArray(text) && text.every((t) => typeof t === 'string'));
    if (typeof name !== 'string' || !isText) throw new Error('a message of the cache file is not text');
    messages.set(name, text);
  }
  return messages;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Refuses (and so leaves uncached) a catalog that JSON would not give back as it is: a Map, a
 * Date or another class, undefined, -0 or a number JSON cannot write, a `__proto__` key. The
 * loader gives none today; a future schema that did must not be served changed from the cache.
 */
function assertJsonFaithful(value: unknown, at: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Object.is(value, -0)) throw new Error(`${at} is ${value}, which JSON changes`);
    return;
  }
  if (typeof value !== 'object') throw new Error(`${at} is ${typeof value}, which JSON cannot hold`);
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw new Error(`${at}[${i}] is a hole, which JSON changes`);
      assertJsonFaithful(value[i], `${at}[${i}]`);
    }
    return;
  }
  if (prototype !== Object.prototype && prototype !== null) throw new Error(`${at} is not a plain object`);
  for (const name of Object.keys(value)) {
    if (name === '__proto__') throw new Error(`${at} has a __proto__ key`);
    assertJsonFaithful((value as Record<string, unknown>)[name], `${at}.${name}`);
  }
}
