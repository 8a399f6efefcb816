import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The data every test reads: the 2019 seed as transcribed, frozen in test/fixtures/seed-2019, so
 * that the secretariat's rows in data/ change no test (`check-data` checks data/ in `npm test`).
 * Its `locales` is a link to data/locales: messages, not rows, kept in one place.
 */
export const DATA_DIR = path.resolve(import.meta.dirname, '../fixtures/seed-2019');

/**
 * A throwaway copy of the test data that a test may change. The locales link is copied as files:
 * a copied link would lead a write to `locales/…` into data/locales itself.
 */
export async function copyOfTestData(prefix = 'gsef-data-'): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  await cp(DATA_DIR, dir, { recursive: true, dereference: true });
  return dir;
}
