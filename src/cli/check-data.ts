import path from 'node:path';
import { loadCatalog } from '../catalog/load-catalog.js';
import { DataError } from '../errors.js';

/** `gsef check-data [DIR]`: validates a data folder alone. Exit 0 when clean, 1 with every problem listed. */
export async function checkData(
  dir: string,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  try {
    const catalog = await loadCatalog(path.resolve(dir));
    out(
      `${dir}: OK: ${catalog.events.events.length} events, ${catalog.members.members.length} members, ` +
        `${catalog.programmes.programmes.length} programmes, ${Object.keys(catalog.places.cities).length} cities`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    for (const line of error.report(`${dir}: `)) err(line);
    return 1;
  }
}
