import { platformEntry } from '../../../src/platforms/platform-entry.js';
import { readLoopbackConfig } from './loopback-config.js';

/** The loopback platform, when LOOPBACK_PLATFORM is `on`: people and channels in this process's memory. */
export const loopbackPlatform = platformEntry(
  'loopback',
  readLoopbackConfig,
  async () => (await import('./start-loopback.js')).startLoopback,
);
