// Whether dist/ holds a build of the current sources: `npm start` warns when it does not, and the
// integration tests build before they run the program. A source counts as newer than its build
// by modification time, which is reliable because tsc re-emits every file on each build.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, URL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The folders tsc compiles into dist/ that the program runs (test/ and bench/ are not run by it). */
const PROGRAM_FOLDERS = ['src', 'commands'];

/**
 * The first source file under `folders` whose compiled .js is missing or older than it, or
 * undefined if none.
 */
export function firstStaleSource(folders = PROGRAM_FOLDERS) {
  for (const folder of folders) {
    for (const file of readdirSync(path.join(ROOT, folder), { recursive: true })) {
      if (!file.endsWith('.ts') || file.endsWith('.d.ts')) continue;
      const source = path.join(folder, file);
      const built = statSync(path.join(ROOT, 'dist', source.replace(/\.ts$/, '.js')), { throwIfNoEntry: false });
      if (built === undefined || built.mtimeMs < statSync(path.join(ROOT, source)).mtimeMs) return source;
    }
  }
  return undefined;
}
