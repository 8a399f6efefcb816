import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { catalogCacheDir, loadCatalogWithCache, type CatalogParser } from '../catalog/catalog-cache.js';
import type { Catalog } from '../catalog/load-catalog.js';
import { KnowledgeBase } from '../domain/knowledge-base.js';
import type { KnowledgeSource } from '../domain/knowledge-source.js';
import { DataError, formatProblem } from '../errors.js';
import type { Logger } from '../logger.js';
import { dataFingerprint, type DataFingerprint } from './data-fingerprint.js';
import { runInSlices } from './in-slices.js';
import { partsNeedingRestart } from './restart-only.js';

/** One loaded version of the data: the knowledge built from it, and the files' fingerprint when it was read. */
export interface DataVersion {
  kb: KnowledgeBase;
  fingerprint: DataFingerprint;
}

/** What the rest of the bot hears of the data's versions. Each is awaited before the next look. */
export interface DataListener {
  /** A new version is in use (answers started from now on use it). */
  swapped?(before: DataVersion, after: DataVersion): Promise<void>;
  /** The files changed and have problems, other than those last reported: the version in use is kept. */
  refused?(problems: readonly string[]): Promise<void>;
  /** The files load again after problems were reported (`swapped` is heard first). */
  fixed?(): Promise<void>;
}

export interface LiveKnowledgeOptions {
  /**
   * How long the files must stay unchanged before they are read: an editor's save, a copy, a
   * `git pull` writing several files, are over by then, so a half-written file is not reported.
   */
  settleMs: number;
  /** How often the folder is looked at even when no change was signalled (fs.watch misses some). */
  pollMs: number;
  /** Milliseconds on a clock that only moves forward, for the settle time; tests pass their own. */
  monotonicMs: () => number;
  /**
   * Today's year on the bot's clock. The steering committee's rule meetings are known through the
   * year after it, so that "the next meeting" always has an answer, whatever year the data ends.
   */
  year: () => number;
  /** The folder of the data cache (src/catalog/catalog-cache.ts); by default GSEF_CACHE_DIR's. */
  cacheDir: string;
  /**
   * Where a reload parses the data the cache misses: in this thread unless given. The server
   * parses in a worker, so that it answers meanwhile (a 100x reload froze answers for seconds). The
   * load at start-up always parses here: nothing waits for it, and a worker's own start (Node, the
   * parser and the schemas loaded again) made a cold start slower.
   */
  parseReloads?: CatalogParser;
}

/**
 * How long the indexes are built for at a stretch before the event loop turns: what a question or
 * a /healthz that arrives during the build waits at most (the whole build is about 250 ms at 100x
 * the seed), against a turn's own cost, a few microseconds.
 */
export const INDEX_SLICE_MS = 5;

const DEFAULTS: Omit<LiveKnowledgeOptions, 'cacheDir'> = {
  settleMs: 1_000,
  pollMs: 2_000,
  monotonicMs: () => performance.now(),
  year: () => new Date().getUTCFullYear(),
};

/**
 * The running bot's one source of knowledge. When a file under the data folder changes (signalled
 * by fs.watch, or seen by a poll of the files' sizes and times, for filesystems where watching
 * fails, and editors that save by renaming), the folder is loaded and checked again once the
 * files have stayed unchanged for `settleMs`; a version that loads is swapped in at once, as one
 * reference: an answer under way finishes on the version it took, the next one takes the new one,
 * and none sees part of each. A version with problems is kept out: the last good one stays in use,
 * the problems are logged with their file and line, and the listeners hear of them once.
 */
export class LiveKnowledge implements KnowledgeSource {
  private readonly options: LiveKnowledgeOptions;
  private readonly listeners: DataListener[] = [];
  /** The fingerprint last loaded (well or not): the same files are not read again. */
  private tried: string;
  /** Files changed since `tried`, and since when they have looked like this. */
  private settling: { key: string; sinceMs: number } | undefined;
  /** The problems last reported, one line each, joined: until the data loads again. */
  private reported: string | undefined;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private look: Promise<void> | undefined;
  private stopped = false;
  /** Aborted by {@link stop}: ends an index build under way between two of its slices. */
  private following = new AbortController();

  private constructor(
    private readonly dataDir: string,
    private version: DataVersion,
    private readonly logger: Logger,
    options: Partial<LiveKnowledgeOptions> & Pick<LiveKnowledgeOptions, 'cacheDir'>,
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.tried = version.fingerprint.key;
  }

  /** Loads the data folder; throws DataError when it has problems (start-up stops on them). */
  static async load(dataDir: string, logger: Logger, options: Partial<LiveKnowledgeOptions> = {}) {
    const dir = path.resolve(dataDir);
    const fingerprint = await dataFingerprint(dir).catch(() => ({ key: '', newestMs: 0 }));
    const year = options.year ?? DEFAULTS.year;
    const cacheDir = options.cacheDir ?? catalogCacheDir(process.env);
    const catalog = await loadCatalogWithCache(dir, {
      cacheDir,
      note: (message, context) => logger.info(message, context),
    });
    return new LiveKnowledge(dir, { kb: build(catalog, year()), fingerprint }, logger, { ...options, cacheDir });
  }

  /**
   * The knowledge in use. When the clock has passed into a year whose next year's meetings it
   * lacks (once a year, or when the clock is first set), it is rebuilt from the same data.
   */
  current(): KnowledgeBase {
    const { kb } = this.version;
    const year = this.options.year();
    if (kb.throughYear > year) return kb;
    this.version = { ...this.version, kb: build(kb.catalog, year) };
    return this.version.kb;
  }

  /** Reckons today's year on the bot's clock from now on (the one it answers by, pinned or not). */
  followYear(year: () => number): void {
    this.options.year = year;
  }

  /** The version in use, with its fingerprint. */
  currentVersion(): DataVersion {
    return this.version;
  }

  listen(listener: DataListener): void {
    this.listeners.push(listener);
  }

  /**
   * Starts following the folder: watching it, and looking at it every `pollMs`. Resolves once the
   * indexes are built (or their build is stopped): what is left of a server's start-up.
   */
  start(): Promise<void> {
    this.stopped = false;
    this.following = new AbortController();
    try {
      this.watcher = watch(this.dataDir, { recursive: true }, () => this.lookSoon(50));
      this.watcher.on('error', (error) => {
        this.logger.warn('cannot watch the data folder; it is still looked at every few seconds', { error });
        this.watcher?.close();
      });
    } catch (error) {
      this.logger.warn('cannot watch the data folder; it is looked at every few seconds instead', { error });
    }
    this.lookSoon(this.options.pollMs);
    // A server answers questions: the indexes a one-shot answer builds only as it reads them are
    // built from the first idle moment after it starts serving, in slices between the requests
    // that arrive meanwhile, so that no question waits for them, nor for long while they are built.
    return this.buildIndexes(this.version.kb).catch((error: unknown) =>
      this.logger.error('could not build the indexes; each is built when a question first reads it', { error }),
    );
  }

  /** Stops following the folder; resolves once a look under way (and what its listeners do) is over. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.following.abort();
    this.watcher?.close();
    clearTimeout(this.timer);
    await this.look;
  }

  /**
   * One look at the folder: reads it again if its files changed and have since stayed unchanged
   * for `settleMs`. Looks never overlap; a look asked for during one waits for it and looks again.
   */
  async check(): Promise<void> {
    while (this.look) await this.look;
    this.look = this.lookOnce().finally(() => (this.look = undefined));
    return this.look;
  }

  private lookSoon(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.check()
        .catch((error: unknown) => this.logger.error('could not look at the data folder; will look again', { error }))
        .finally(() => this.lookSoon(this.settling ? this.options.settleMs : this.options.pollMs));
    }, ms);
    // Following the folder must not keep alive a process that has nothing else to do.
    this.timer.unref();
  }

  private async lookOnce(): Promise<void> {
    const seen = await dataFingerprint(this.dataDir).catch(() => undefined);
    if (!seen || seen.key === this.tried) {
      this.settling = undefined;
      return;
    }
    const nowMs = this.options.monotonicMs();
    if (this.settling?.key !== seen.key) this.settling = { key: seen.key, sinceMs: nowMs };
    if (nowMs - this.settling.sinceMs < this.options.settleMs) return;
    const loaded = await loadCatalogWithCache(this.dataDir, {
      cacheDir: this.options.cacheDir,
      note: (message, context) => this.logger.info(message, context),
      parse: this.options.parseReloads,
    }).then(
      (catalog) => ({ catalog }),
      (error: unknown) => ({ error }),
    );
    // Written to while it was read: what was read may mix two saves; the next look reads it again.
    const after = await dataFingerprint(this.dataDir).catch(() => undefined);
    if (after?.key !== seen.key) return;
    this.tried = seen.key;
    this.settling = undefined;
    if ('catalog' in loaded) {
      // Built before it is swapped in, the answers meanwhile given from the version in use: the
      // answers that follow a reload do not wait for an index, and none waits for the build.
      const kb = build(loaded.catalog, this.options.year());
      await this.buildIndexes(kb);
      await this.swap({ kb, fingerprint: seen });
    } else await this.refuse(loaded.error);
  }

  /** Builds every index of `kb` in slices, until done or stopped (an index left unbuilt is built when first read). */
  private buildIndexes(kb: KnowledgeBase): Promise<void> {
    return runInSlices(kb.indexBuildSteps(), { sliceMs: INDEX_SLICE_MS, signal: this.following.signal });
  }

  private async swap(after: DataVersion): Promise<void> {
    const before = this.version;
    this.version = after;
    this.logger.info('data reloaded: answers and reminders use the new data', {
      events: after.kb.events.length,
      members: after.kb.members.length,
    });
    for (const part of partsNeedingRestart(before.kb.catalog, after.kb.catalog))
      this.logger.warn('this change to the data takes effect at the next restart', { changed: part });
    const wasReported = this.reported !== undefined;
    this.reported = undefined;
    for (const listener of this.listeners) await this.tell(() => listener.swapped?.(before, after));
    if (wasReported) for (const listener of this.listeners) await this.tell(() => listener.fixed?.());
  }

  private async refuse(error: unknown): Promise<void> {
    if (!(error instanceof DataError)) {
      this.logger.error('the data changed but could not be read; answers and reminders keep the last good data', {
        error,
      });
      return;
    }
    const problems = error.problems.map(formatProblem);
    this.logger.error('the data changed but has problems; answers and reminders keep the last good data', {
      problems,
    });
    const key = problems.join('\n');
    if (key === this.reported) return;
    this.reported = key;
    for (const listener of this.listeners) await this.tell(() => listener.refused?.(problems));
  }

  /** Runs a listener; its failure is logged, and neither stops the others nor the looks. */
  private async tell(hear: () => Promise<void> | undefined): Promise<void> {
    try {
      await hear();
    } catch (error) {
      this.logger.error('could not act on a change of the data', { error });
    }
  }
}

/** The knowledge built from one version of the data, its meetings reaching the year after `year`: the one place that says how. */
function build(catalog: Catalog, year: number): KnowledgeBase {
  return new KnowledgeBase(catalog, { throughYear: year + 1 });
}
