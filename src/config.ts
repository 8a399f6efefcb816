import { IANAZone } from 'luxon';
import { parseInstant, PINNED_YEARS } from './clock.js';
import { isLang, LANGS, type Lang } from './domain/vocabulary.js';
import { ConfigError } from './errors.js';
import { LOG_LEVELS, type LogLevel } from './logger.js';
import { envValue, quoted } from './env-value.js';
import type { ConfiguredPlatform, PlatformEntry } from './platforms/platform-entry.js';
import type { ReminderEnv } from './reminders/reminder-targets.js';
import { DEFAULT_DATA_DIR } from './project-root.js';
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
  /** The steering committee's channels named in the environment, where reminders and minutes go. */
  reminders: ReminderEnv;
}

/** Every setting of `npm start`: the core's and each configured platform's. */
export interface Config {
  core: CoreConfig;
  /** The platforms whose settings are present, in the order of src/platforms/registry.ts. */
  platforms: ConfiguredPlatform[];
}

/**
 * Reads and checks every setting of the environment before anything starts: a bad one stops
 * start-up (a ConfigError naming the variable) before the store opens or a platform connects, so
 * that nothing keeps the process alive. Nothing else reads the environment after this.
 * `platforms` is src/platforms/registry.ts's list (a test adds its own platform to it), passed in
 * rather than imported: the one-shot `gsef` answers, which read only the core settings here, do
 * not load the platforms' settings modules and their zod schemas.
 */
export function readConfig(env: NodeJS.ProcessEnv, platforms: readonly PlatformEntry[]): Config {
  const core = readCoreConfig(env);
  const configured = platforms.flatMap(({ name, configure }) => {
    const start = configure(env);
    return start ? [{ name, start }] : [];
  });
  return { core, platforms: configured };
}

/** Reads the core settings from the environment (and CLI overrides), validating each, the store URL included. */
export function readCoreConfig(env: NodeJS.ProcessEnv, overrides: { now?: string; lang?: string } = {}): CoreConfig {
  // Each variable's length first, in this order, before anything reads its value.
  // A folder named here is taken from the working directory, like any path given on a command line.
  const dataDir = envValue(env, 'GSEF_DATA_DIR', 4096, { nonEmpty: true }) ?? DEFAULT_DATA_DIR;
  const envNow = envValue(env, 'GSEF_NOW', 64, { nonEmpty: true });
  const envLang = envValue(env, 'GSEF_LANG', 16);
  const timeZone = envValue(env, 'GSEF_TZ', 64);
  const storeUrlText = envValue(env, 'GSEF_STORE_URL', 2048, { nonEmpty: true }) ?? DEFAULT_STORE_URL;
  const logLevel = readLogLevel(env.GSEF_LOG_LEVEL);
  const lang = overrides.lang ?? envLang;
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang)) {
    throw new ConfigError(
      overrides.lang ? '--lang' : 'GSEF_LANG',
      `${quoted(lang)} is not a language the bot speaks; use one of ${LANGS.join(', ')}`,
    );
  }
  if (timeZone !== undefined && !IANAZone.isValidZone(timeZone))
    throw new ConfigError('GSEF_TZ', `${quoted(timeZone)} is not an IANA time zone such as Asia/Seoul or Europe/Paris`);
  const now = overrides.now ?? envNow;
  // An ISO date-time is at most about 35 characters: a longer one is refused before luxon parses it.
  if (now !== undefined && (now.length > 64 || !parseInstant(now, timeZone ?? 'UTC'))) {
    throw new ConfigError(
      overrides.now ? '--now' : 'GSEF_NOW',
      `${quoted(now)} is not an ISO 8601 date or date-time from ${PINNED_YEARS.from} to ${PINNED_YEARS.to} such as 2019-05-10 or 2019-05-10T09:00:00+09:00`,
    );
  }
  const storeUrl = parseStoreUrl(storeUrlText);
  if ('problem' in storeUrl) throw new ConfigError('GSEF_STORE_URL', storeUrl.problem);
  const reminders = readReminderEnv(env);
  return { dataDir, now, lang: lang as Lang | undefined, timeZone, storeUrl: storeUrlText, logLevel, reminders };
}

function readLogLevel(value: string | undefined): LogLevel | undefined {
  if (value === undefined || (LOG_LEVELS as readonly string[]).includes(value)) return value as LogLevel | undefined;
  throw new ConfigError('GSEF_LOG_LEVEL', `use one of ${LOG_LEVELS.join(', ')}`);
}

const CHANNELS = {
  GSEF_REMINDER_SLACK_CHANNEL: {
    pattern: /^[A-Z0-9]{2,40}$/,
    example: 'a Slack channel id such as C0123456789 (channel details > About, at the bottom)',
  },
  GSEF_REMINDER_DISCORD_CHANNEL: {
    pattern: /^\d{1,25}$/,
    example: 'a Discord channel id, digits such as 123456789012345678 (right-click the channel > Copy Channel ID)',
  },
} as const;

/** Reads GSEF_REMINDER_LANGUAGES and the channel variables; a bad one is a ConfigError naming it. */
export function readReminderEnv(env: NodeJS.ProcessEnv): ReminderEnv {
  const text = env.GSEF_REMINDER_LANGUAGES?.trim() || LANGS.join(',');
  const languages = text.length > 64 ? [text] : text.split(',').map((l) => l.trim().toLowerCase());
  const bad = languages.find((l) => !isLang(l));
  if (bad !== undefined)
    throw new ConfigError(
      'GSEF_REMINDER_LANGUAGES',
      `${quoted(bad)} is not one of ${LANGS.join(', ')} (give a comma-separated list such as en,fr)`,
    );
  const channel = (variable: keyof typeof CHANNELS) => {
    const id = env[variable]?.trim();
    if (!id) return undefined;
    if (!CHANNELS[variable].pattern.test(id))
      throw new ConfigError(variable, `${quoted(id)} is not ${CHANNELS[variable].example}`);
    return id;
  };
  return {
    languages: languages as Lang[],
    slackChannel: channel('GSEF_REMINDER_SLACK_CHANNEL'),
    discordChannel: channel('GSEF_REMINDER_DISCORD_CHANNEL'),
  };
}
