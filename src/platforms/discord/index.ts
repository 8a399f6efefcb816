import type { PlatformEntry } from '../platform-entry.js';
import { readDiscordConfig } from './discord-config.js';

/** Discord, when DISCORD_TOKEN is set: discord.js over the gateway. */
export const discordPlatform: PlatformEntry = {
  name: 'discord',
  configure(env) {
    const config = readDiscordConfig(env);
    if (!config) return undefined;
    return async (bot, logger) => (await import('./start-discord.js')).startDiscord(bot, config, logger);
  },
};
