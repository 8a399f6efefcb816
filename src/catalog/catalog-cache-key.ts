import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CatalogFiles } from './data-files.js';

/**
 * The modules whose code decides what a load of the data gives, relative to src/: the loader's
 * import closure, and the cache's own (it writes and reads the cached form). A test fails when
 * the loader comes to import a module missing here.
 */
export const PROGRAM_MODULES = [
  'catalog/catalog-cache',
  'catalog/catalog-cache-key',
  'catalog/check-references',
  'catalog/data-files',
  'catalog/data-text',
  'catalog/french-spacing',
  'catalog/load-catalog',
  'catalog/locale-schema',
  'catalog/schema',
  'catalog/schema-messages',
  'catalog/yaml-source',
  'catalog/yaml-syntax-errors',
  'domain/asker',
  'domain/event-date',
  'domain/vocabulary',
  'errors',
  'one-line',
  'project-root',
  'shown-path',
  'url-credentials',
] as const;

/** The packages the loader's closure imports: their versions are part of the program. */
export const PROGRAM_PACKAGES = ['luxon', 'yaml', 'zod'] as const;

/** This module's folder, and whether the program runs compiled (`.js`, dist/) or from its sources (`.ts`, the tests). */
const HERE = import.meta.filename;
const SRC = path.resolve(path.dirname(HERE), '..');
const EXTENSION = path.extname(HERE);

/**
 * What the loaded catalog follows from: the bytes of every data file with its name, the code of
 * the loader, the versions of its libraries, and Node's own (luxon checks time zones against
 * Node's ICU data). Equal keys mean a fresh load would give the same catalog; undefined when a
 * file cannot be read (the real load reports it; nothing is cached).
 */
export async function catalogCacheKey(files: CatalogFiles): Promise<string | undefined> {
  const hash = createHash('sha256');
  const add = (label: string, content: string | Buffer) => {
    // Each part with its length, so that no two different lists of parts hash alike.
    hash.update(`${label}\0${Buffer.byteLength(content)}\0`);
    hash.update(content);
  };
  add('node', `${process.version} icu ${process.versions.icu ?? ''} tz ${process.versions.tz ?? ''}`);
  await addProgram(add);
  for (const [name, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (typeof content === 'string') return undefined;
    add(`data ${name}`, content);
  }
  return hash.digest('hex');
}

async function addProgram(add: (label: string, content: string | Buffer) => void): Promise<void> {
  const modules = await Promise.all(PROGRAM_MODULES.map((name) => readFile(path.join(SRC, `${name}${EXTENSION}`))));
  PROGRAM_MODULES.forEach((name, i) => add(`module ${name}`, modules[i]!));
  const require = createRequire(HERE);
  for (const name of PROGRAM_PACKAGES) add(`package ${name}`, await packageManifest(require.resolve(name), name));
}

/** The package.json of the package whose entry point is `entry` (it holds the version). */
function packageManifest(entry: string, name: string): Promise<Buffer> {
  const marker = `${path.sep}node_modules${path.sep}${name}${path.sep}`;
  const at = entry.lastIndexOf(marker);
  if (at < 0) throw new Error(`${name} is not under a node_modules folder: ${entry}`);
  return readFile(path.join(entry.slice(0, at + marker.length), 'package.json'));
}

/** A unique part of a cache file's name for a data folder (its absolute path). */
export function folderHash(dataDir: string): string {
  return createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
}
