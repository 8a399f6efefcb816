import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The folder holding the project's package.json, found from this file whether it runs from src/
 * (the tests) or from dist/src/ (the build). The data folder and the store default to places in
 * it, so that `gsef check-data` run from inside data/ checks the same files as `npm start`.
 */
export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

/** The data folder unless GSEF_DATA_DIR or a command's argument names another. */
export const DEFAULT_DATA_DIR = path.join(PROJECT_ROOT, 'data');
