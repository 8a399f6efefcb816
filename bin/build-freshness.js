// Whether dist/ holds a build of the current sources: `npm start` warns when it does not, and the
// integration tests build before they run the program. A source counts as newer than its build
// by modification time, which is reliable because tsc re-emits every file on each build.
import { readdirSync, readFileSync, statSync } from 'node:fs';
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

/** Where tsc writes the program, and where bin/bundle.js bundles it from there. */
export const COMPILED = path.join(ROOT, 'dist/src');
export const BUNDLE = path.join(ROOT, 'dist/bundle');
/** The compiled files the bundle was made from (relative to ROOT), written after the bundle. */
export const BUNDLE_INPUTS = path.join(BUNDLE, 'inputs.json');
/**
 * npm's record of the packages it installed, rewritten by every install that changes
 * node_modules: the input of the bundle that stands for the packages bundled in it.
 */
export const INSTALLED_PACKAGES = path.join(ROOT, 'node_modules/.package-lock.json');
/** The programs bundled as ES modules, relative to COMPILED and to BUNDLE alike. */
export const BUNDLED_ENTRIES = ['main.js', 'catalog/catalog-worker.js'];
/**
 * The one-shot CLI (dist/src/cli/main.js) bundled as one CommonJS script, which bin/gsef.js
 * compiles with V8's code cache (bin/code-cache.js): Node.js 20 offers one for scripts, none for
 * ES modules, and compiling the CLI's 600 KB was a third of a one-shot answer.
 */
export const CLI_SCRIPT = { entry: 'cli/main.js', bundled: 'cli/main.cjs' };

/**
 * The folder to run the program from: the bundle while it is a bundle of the current build (no
 * file it was made from is newer than it, none is gone), else the compiled files themselves.
 * About 200 stat calls: a millisecond, against the hundred the bundle saves.
 */
export function programFolder() {
  const bundled = statSync(BUNDLE_INPUTS, { throwIfNoEntry: false });
  if (bundled === undefined) return COMPILED;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(BUNDLE_INPUTS, 'utf8'));
  } catch {
    return COMPILED;
  }
  if (!Array.isArray(inputs) || inputs.length === 0) return COMPILED;
  for (const input of inputs) {
    const compiled =
      typeof input === 'string' ? statSync(path.join(ROOT, input), { throwIfNoEntry: false }) : undefined;
    if (compiled === undefined || compiled.mtimeMs > bundled.mtimeMs) return COMPILED;
  }
  return BUNDLE;
}
