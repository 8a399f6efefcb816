import type { PlatformEntry } from '../../../src/platforms/platform-entry.js';
import { readLoopbackConfig } from './loopback-config.js';

/** The loopback platform, when LOOPBACK_PLATFORM is `on`: people and channels in this process's memory. */
export const loopbackPlatform: PlatformEntry = {
  name: 'loopback',
  configure(env) {
    const config = readLoopbackConfig(env);
    if (!config) return undefined;
    return async (bot, logger) => (await import('./start-loopback.js')).startLoopback(bot, config, logger);
  },
};
