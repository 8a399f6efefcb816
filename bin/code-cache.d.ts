/** A script run by {@link runWithCodeCache}. */
export interface CodeCachedRun {
  /** What the script put in `module.exports`. */
  readonly exports: Record<string, unknown>;
  /** Whether V8 took the code from the cache rather than compiling the script. */
  readonly cacheUsed: boolean;
  /** Writes the code compiled so far to the cache file, unless the cache was used. */
  saveCache(): void;
}
/** Runs the CommonJS file `file` with V8's code cache kept in `cacheFile`. */
export function runWithCodeCache(file: string, cacheFile: string): CodeCachedRun;
/** Where the code cache of `script` is kept: GSEF_CACHE_DIR, else var/cache; one file per script and Node.js version. */
export function codeCacheFile(script: string, env?: NodeJS.ProcessEnv): string;
