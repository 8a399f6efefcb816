import { IANAZone } from 'luxon';
import { z } from 'zod';
import { parseInstant, PINNED_YEARS } from './clock.js';
import { LANGS, type Lang } from './domain/vocabulary.js';
import { ConfigError } from './errors.js';
import { LOG_LEVELS, type LogLevel } from './logger.js';
import { escapeUnprintable } from './one-line.js';
import { DEFAULT_STORE_URL, parseStoreUrl } from './store/store-url.js';

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

/**
 * A value quoted in an error message, shortened: a runaway value (a megabyte pasted by mistake)
 * must not become a megabyte of error, and a line break or control character in it is shown
 * escaped, so that the error stays one line.
 */
export function quoted(value: string): string {
  const shown = [...value].length > 40 ? `${[...value].slice(0, 40).join('')}…` : value;
  return `"${escapeUnprintable(shown.replace(/["\\]/g, '\\$&'))}"`;
}

/** An environment variable's text, refused at once (before any other check) when longer than `max`. */
export const envText = (max: number) => z.string().max(max, { error: `is longer than ${max} characters`, abort: true });

/**
 * A token or secret: printable ASCII without spaces, as every Slack and Discord credential is. A
 * line break or a non-ASCII character (from copying) would only fail later, inside an HTTP header,
 * in an error quoting the whole secret; the refusal never shows the value, not even in part.
 */
export const envSecret = (max: number) =>
  envText(max).regex(/^[\x21-\x7e]+$/, {
    error:
      'holds a space, a line break or a character other than printable ASCII (check for a stray character copied with it)',
    abort: true,
  });

const coreEnv = z.object({
  GSEF_DATA_DIR: envText(4096).min(1).default('data'),
  GSEF_NOW: envText(64).min(1).optional(),
  GSEF_LANG: envText(16).optional(),
  GSEF_TZ: envText(64).optional(),
  GSEF_STORE_URL: envText(2048).min(1).default(DEFAULT_STORE_URL),
  GSEF_LOG_LEVEL: z.enum(LOG_LEVELS, { error: `use one of ${LOG_LEVELS.join(', ')}` }).optional(),
});

/** Reads the core settings from the environment (and CLI overrides), validating each, the store URL included. */
export function readCoreConfig(env: NodeJS.ProcessEnv, overrides: { now?: string; lang?: string } = {}): CoreConfig {
  const parsed = coreEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const lang = overrides.lang ?? parsed.data.GSEF_LANG;
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) {
    throw new ConfigError(
      overrides.lang ? '--lang' : 'GSEF_LANG',
      `${quoted(lang)} is not a language the bot speaks; use one of ${LANGS.join(', ')}`,
    );
  }
  const timeZone = parsed.data.GSEF_TZ;
  if (timeZone !== undefined && !IANAZone.isValidZone(timeZone))
    throw new ConfigError('GSEF_TZ', `${quoted(timeZone)} is not an IANA time zone such as Asia/Seoul or Europe/Paris`);
  const now = overrides.now ?? parsed.data.GSEF_NOW;
  // An ISO date-time is at most about 35 characters: a longer one is refused before luxon parses it.
  if (now !== undefined && (now.length > 64 || !parseInstant(now, timeZone ?? 'UTC'))) {
    throw new ConfigError(
      overrides.now ? '--now' : 'GSEF_NOW',
      `${quoted(now)} is not an ISO 8601 date or date-time from ${PINNED_YEARS.from} to ${PINNED_YEARS.to} such as 2019-05-10 or 2019-05-10T09:00:00+09:00`,
    );
  }
  const storeUrl = parseStoreUrl(parsed.data.GSEF_STORE_URL);
  if ('problem' in storeUrl) throw new ConfigError('GSEF_STORE_URL', storeUrl.problem);
  return {
    dataDir: parsed.data.GSEF_DATA_DIR,
    now,
    lang: lang as Lang | undefined,
    timeZone,
    storeUrl: parsed.data.GSEF_STORE_URL,
    logLevel: parsed.data.GSEF_LOG_LEVEL,
  };
}
