// Runs a CommonJS script (the bundled CLI: bin/bundle.js) with V8's code cache: the code V8
// compiled for it in an earlier run, kept in a file, instead of compiling it again. Node.js 22
// does this for every module (module.enableCompileCache); Node.js 20 offers it only for scripts
// (vm.Script's cachedData). A cache is used only for the very script it was made from: V8 itself
// checks only the script's length (and its own version and flags), so the file starts with a
// digest of the script, compared first.
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { ROOT } from './build-freshness.js';

const DIGEST_BYTES = 32;

/**
 * Where the code cache of `script` is kept: in the data's cache folder (GSEF_CACHE_DIR, else
 * var/cache: src/catalog/catalog-cache.ts), one file per copy of the program and per Node.js (whose
 * V8 refuses another's code), so that two checkouts sharing the folder, or one run with two versions
 * of Node.js, do not replace each other's.
 */
export function codeCacheFile(script, env = process.env) {
  const folder = env.GSEF_CACHE_DIR || path.join(ROOT, 'var', 'cache');
  const owner = createHash('sha256').update(`${script}\0${process.version}\0${process.arch}`).digest('hex');
  return path.join(folder, `code-${owner.slice(0, 16)}.v8`);
}

/**
 * Compiles and runs `file` as CommonJS (with its own `require`, `module`, `__filename`), with the
 * code cache kept in `cacheFile` when there is one for this script, and gives its exports.
 * `saveCache()`, called once the program has done its work (so that the cache holds the functions
 * that ran, not only the top level), writes a cache when none was used; a cache that cannot be
 * written costs only the next run's compilation, so nothing is reported.
 */
export function runWithCodeCache(file, cacheFile) {
  const source = readFileSync(file, 'utf8');
  const digest = createHash('sha256').update(source).digest();
  const cached = cacheFor(cacheFile, digest);
  const script = new vm.Script(module.wrap(source), { filename: file, cachedData: cached });
  const used = cached !== undefined && !script.cachedDataRejected;
  const exports = {};
  const scriptModule = { exports, filename: file };
  script.runInThisContext().call(exports, exports, module.createRequire(file), scriptModule, file, path.dirname(file));
  return {
    exports: scriptModule.exports,
    cacheUsed: used,
    saveCache() {
      if (!used) writeCache(cacheFile, digest, script.createCachedData());
    },
  };
}

/**
 * The V8 data of `cacheFile` if it was made from the script whose digest is `digest`. The data is
 * code this process will run, and V8 does not guard against crafted data: a file that another
 * user could have written (GSEF_CACHE_DIR in a shared folder) is never read.
 */
function cacheFor(cacheFile, digest) {
  let descriptor;
  try {
    descriptor = openSync(cacheFile, 'r');
  } catch {
    return undefined;
  }
  try {
    const { uid, mode } = fstatSync(descriptor);
    if (process.getuid && (uid !== process.getuid() || (mode & 0o022) !== 0)) return undefined;
    const content = readFileSync(descriptor);
    if (content.length <= DIGEST_BYTES || !content.subarray(0, DIGEST_BYTES).equals(digest)) return undefined;
    return content.subarray(DIGEST_BYTES);
  } catch {
    return undefined;
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Written whole or not at all: to a file of this process's own, renamed over the cache, so that a
 * run reading it meanwhile, or another writing it, never sees half of one.
 */
function writeCache(cacheFile, digest, data) {
  const partial = `${cacheFile}.${process.pid}.partial`;
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true });
    writeFileSync(partial, Buffer.concat([digest, data]), { mode: 0o600 });
    renameSync(partial, cacheFile);
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // No folder, no partial file either.
    }
  }
}
