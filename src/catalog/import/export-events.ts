import path from 'node:path';
import { LANGS } from '../../domain/vocabulary.js';
import { loadCatalog } from '../load-catalog.js';
import { readEntries } from './event-entries.js';
import type { EventEntry } from './plan-import.js';

/** The named columns an export writes, which an import reads back. */
export const EXPORT_COLUMNS = [
  'id',
  'when',
  ...LANGS.map((lang) => `title_${lang}` as const),
  'place',
  'category',
  'partners',
  'programme',
  'confirmed',
  'source',
] as const;

/**
 * events.yaml as a table, one row per event under a header row, in the file's order. Places are
 * ids (`paris`, `KR`, `online`) and partners their English names separated by "; ": an import
 * reads both back to the same entries. Aliases, members involved, other versions and the revision
 * have no column: an import leaves them as they are. The folder is checked first, as check-data does.
 */
export async function exportEventRows(dataDir: string): Promise<string[][]> {
  await loadCatalog(dataDir);
  const entries = await readEntries(path.join(dataDir, 'events.yaml'));
  return [[...EXPORT_COLUMNS], ...entries.map(rowOf)];
}

function rowOf(entry: EventEntry): string[] {
  const place = entry.place;
  return [
    entry.id,
    entry.when,
    ...LANGS.map((lang) => entry.title[lang]),
    place?.online ? 'online' : (place?.city ?? place?.country ?? ''),
    entry.category,
    (entry.partners ?? []).map((partner) => (typeof partner === 'string' ? partner : partner.en)).join('; '),
    entry.programme ?? '',
    entry.confirmed ? 'yes' : 'no',
    entry.source,
  ];
}
