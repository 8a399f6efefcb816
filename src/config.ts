import { IANAZone } from 'luxon';
import { z } from 'zod';
import { parseInstant } from './clock.js';
import { LANGS, type Lang } from './domain/vocabulary.js';
import { LOG_LEVELS, type LogLevel } from './logger.js';

/** The store's default: an embedded SQLite file under var/, created on first use. */
export const DEFAULT_STORE_URL = 'sqlite://var/gsef.sqlite';

/** A setting that cannot be used: start-up stops and says which variable to fix, and how. */
export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** The settings every entry point shares (the platforms add their own). */
export interface CoreConfig {
  dataDir: string;
  /** Pinned time (GSEF_NOW / --now), or undefined for the real clock. */
  now: string | undefined;
  /** The default answer language; undefined means data/settings.yaml's. */
  lang: Lang | undefined;
  /** The zone calendar days are reckoned in; undefined means data/settings.yaml's. */
  timeZone: string | undefined;
  /** The keyv store (GSEF_STORE_URL). */
  storeUrl: string;
  /** The least severe log entries written (GSEF_LOG_LEVEL); undefined: each entry point's default. */
  logLevel: LogLevel | undefined;
}

const coreEnv = z.object({
  GSEF_DATA_DIR: z.string().min(1).default('data'),
  GSEF_NOW: z.string().min(1).optional(),
  GSEF_LANG: z.string().optional(),
  GSEF_TZ: z.string().optional(),
  GSEF_STORE_URL: z.string().min(1).default(DEFAULT_STORE_URL),
  GSEF_LOG_LEVEL: z.enum(LOG_LEVELS, { error: `use one of ${LOG_LEVELS.join(', ')}` }).optional(),
});

/** Reads the core settings from the environment (and CLI overrides), validating each. */
export function readCoreConfig(env: NodeJS.ProcessEnv, overrides: { now?: string; lang?: string } = {}): CoreConfig {
  const parsed = coreEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const lang = overrides.lang ?? parsed.data.GSEF_LANG;
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) {
    throw new ConfigError(overrides.lang ? '--lang' : 'GSEF_LANG', `"${lang}" is not a language the bot speaks; use one of ${LANGS.join(', ')}`);
  }
  const timeZone = parsed.data.GSEF_TZ;
  if (timeZone !== undefined && !IANAZone.isValidZone(timeZone)) throw new ConfigError('GSEF_TZ', `"${timeZone}" is not an IANA time zone such as Asia/Seoul or Europe/Paris`);
  const now = overrides.now ?? parsed.data.GSEF_NOW;
  if (now !== undefined && !parseInstant(now, timeZone ?? 'UTC')) {
    throw new ConfigError(overrides.now ? '--now' : 'GSEF_NOW', `"${now}" is not an ISO 8601 date or date-time such as 2019-05-10 or 2019-05-10T09:00:00+09:00`);
  }
  return { dataDir: parsed.data.GSEF_DATA_DIR, now, lang: lang as Lang | undefined, timeZone, storeUrl: parsed.data.GSEF_STORE_URL, logLevel: parsed.data.GSEF_LOG_LEVEL };
}
