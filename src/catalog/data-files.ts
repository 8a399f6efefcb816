import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LANGS } from '../domain/vocabulary.js';

/**
 * The largest data file read: the largest today is under 60 KB, 2.7 MB at 100 times the data
 * (events.yaml). A runaway file (a 50 MB copy) is refused before it is read; what a file within
 * it may cost to parse is bounded by its tokens (MAX_DATA_FILE_TOKENS in yaml-source.ts).
 */
export const MAX_DATA_FILE_BYTES = 4 * 1024 * 1024;

/** The data files of the catalog, one per part, named as they sit in the data folder. */
export const PART_FILES = {
  places: 'places.yaml',
  events: 'events.yaml',
  members: 'members.yaml',
  meetings: 'meetings.yaml',
  programmes: 'programmes.yaml',
  settings: 'settings.yaml',
} as const;

/** The messages of one language, named as it sits in the data folder. */
export const localeFile = (lang: string): string => path.join('locales', `${lang}.yaml`);

/** What one data file holds: its bytes, or why it cannot be a data file (it is missing, too large…). */
export type DataFileContent = Buffer | string;

/**
 * Every file the catalog is made of, read once: the loader parses these bytes, and the cache's
 * key is made from the same bytes, so that a file saved during a load cannot be cached under the
 * key of what it held before.
 */
export type CatalogFiles = ReadonlyMap<string, DataFileContent>;

export async function readCatalogFiles(dataDir: string): Promise<CatalogFiles> {
  const names = [...Object.values(PART_FILES), ...LANGS.map(localeFile)];
  const contents = await Promise.all(names.map((name) => readDataFile(path.join(dataDir, name))));
  return new Map(names.map((name, i) => [name, contents[i]!]));
}

/** The file's bytes, or why it cannot be a data file; a file too large is not read at all. */
export async function readDataFile(absolutePath: string): Promise<DataFileContent> {
  try {
    const info = await stat(absolutePath);
    if (info.isDirectory()) return 'is a folder, not a file';
    if (!info.isFile()) return 'is not a regular file';
    if (info.size > MAX_DATA_FILE_BYTES) return tooLarge(info.size);
    const bytes = await readFile(absolutePath);
    // It may have grown since stat.
    return bytes.length > MAX_DATA_FILE_BYTES ? tooLarge(bytes.length) : bytes;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'the file is missing';
    return `cannot be read (${code ?? (error as Error).message})`;
  }
}

function tooLarge(size: number): string {
  return `is ${Math.ceil(size / 1024)} KB: a data file may hold at most ${MAX_DATA_FILE_BYTES / 1024} KB`;
}
