import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';
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

/** This module's file: a `.ts` file when the program runs from its sources (the tests). */
const HERE = import.meta.filename;
const EXTENSION = path.extname(HERE) === '.ts' ? '.ts' : '.js';
/**
 * The folder of the modules above: the compiled ones, also when this code runs bundled (dist/bundle/
 * is made from dist/src/, and runs only while it is current; the CLI's bundle is a `.cjs` file).
 */
const SRC = path.join(PROJECT_ROOT, EXTENSION === '.ts' ? 'src' : 'dist/src');

/** What a cached catalog is checked against. */
export interface CatalogCacheKey {
  /**
   * What the loaded catalog follows from: the bytes of every data file with its name, the code of
   * the loader, the versions of its libraries, and Node's own (luxon checks time zones against
   * Node's ICU data). Equal keys mean a fresh load would give the same catalog.
   */
  key: string;
  /** The program's part of the key: a file's part of a cached catalog holds only under the same program. */
  program: string;
  /**
   * The SHA-256 of each data file's bytes, by name: under the same program, a file's part of the
   * catalog (its data, or its language's messages) follows from them alone.
   */
  files: Record<string, string>;
}

/** The key of the files' catalog; undefined when a file cannot be read (the real load reports it; nothing is cached). */
export async function catalogCacheKey(files: CatalogFiles): Promise<CatalogCacheKey | undefined> {
  const program = programDigest();
  const hash = createHash('sha256');
  addPart(hash, 'program', program);
  const digests: Record<string, string> = {};
  for (const [name, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (typeof content === 'string') return undefined;
    const digest = createHash('sha256').update(content).digest();
    addPart(hash, `data ${name}`, digest);
    digests[name] = digest.toString('hex');
  }
  return { key: hash.digest('hex'), program: program.toString('hex'), files: digests };
}

/** Each part with its label and length, so that no two different lists of parts hash alike. */
function addPart(hash: Hash, label: string, content: Buffer): void {
  hash.update(`${label}\0${content.length}\0`).update(content);
}

let program: Buffer | undefined;

/**
 * The digest of the program's part of the key, made once per process: the code running does not
 * change while it runs (a build written meanwhile is the next start's program). Its twenty-odd
 * small files are read synchronously: at start-up, that is several times faster than in parallel.
 */
function programDigest(): Buffer {
  if (program) return program;
  const hash = createHash('sha256');
  const runtime = `${process.version} icu ${process.versions.icu ?? ''} tz ${process.versions.tz ?? ''}`;
  addPart(hash, 'node', Buffer.from(runtime));
  for (const name of PROGRAM_MODULES)
    addPart(hash, `module ${name}`, readFileSync(path.join(SRC, `${name}${EXTENSION}`)));
  for (const name of PROGRAM_PACKAGES) addPart(hash, `package ${name}`, readFileSync(packageManifest(name)));
  program = hash.digest();
  return program;
}

/**
 * The package.json of the package `name` as this module imports it: in the nearest node_modules
 * folder above it that holds the package, as Node resolves a package name.
 */
function packageManifest(name: string): string {
  for (let dir = path.dirname(HERE); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) return manifest;
    if (path.dirname(dir) === dir) throw new Error(`the package ${name} is not installed`);
  }
}

/** A unique part of a cache file's name for a data folder (its absolute path). */
export function folderHash(dataDir: string): string {
  return createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
}
