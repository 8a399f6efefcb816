import type { Bot } from '../bot.js';
import type { PlatformName } from '../domain/asker.js';
import type { Logger } from '../logger.js';
import type { PlatformAdapter } from '../messaging/platform-adapter.js';

/** Starts a configured platform: loads its code (and its SDK) and connects, resolving with its adapter. */
export type PlatformStarter = (bot: Bot, logger: Logger) => Promise<PlatformAdapter>;

/** A platform whose settings are present (src/config.ts read them): its name, and how to start it. */
export interface ConfiguredPlatform {
  name: PlatformName;
  start: PlatformStarter;
}

/**
 * What `npm start` knows of a platform before loading it, from its folder's index.ts: its name,
 * and how to read its settings. Reading them loads nothing heavy (no SDK): a platform's code is
 * imported only when it is configured and started.
 */
export interface PlatformEntry {
  readonly name: PlatformName;
  /**
   * Reads and checks the platform's settings from the environment, throwing a ConfigError naming
   * a bad variable; undefined when the platform is not configured here.
   */
  configure(env: NodeJS.ProcessEnv): PlatformStarter | undefined;
}

/** A platform's start function, as its start module exports it: the bot, its settings, the log. */
export type StartFunction<Settings> = (bot: Bot, settings: Settings, logger: Logger) => Promise<PlatformAdapter>;

/**
 * The entry of a platform whose settings `readSettings` reads (undefined when it is not
 * configured) and whose start function `loadStart` imports: called only when the platform is
 * configured and started, so that its SDK is loaded only then.
 */
export function platformEntry<Settings>(
  name: PlatformName,
  readSettings: (env: NodeJS.ProcessEnv) => Settings | undefined,
  loadStart: () => Promise<StartFunction<Settings>>,
): PlatformEntry {
  return {
    name,
    configure(env) {
      const settings = readSettings(env);
      if (settings === undefined) return undefined;
      return async (bot, logger) => (await loadStart())(bot, settings, logger);
    },
  };
}
