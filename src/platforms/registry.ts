/**
 * The chat platforms `npm start` can run, each one line; each is started when its settings are
 * present. (The console is not listed: it is this terminal, always there, and the interactive
 * prompt when no platform is configured.) Adding a platform: see README, "Adding a platform".
 */
import { discordPlatform } from './discord/index.js';
import type { PlatformEntry } from './platform-entry.js';
import { slackPlatform } from './slack/index.js';

export const PLATFORMS: readonly PlatformEntry[] = [discordPlatform, slackPlatform];
