import { platformEntry } from '../platform-entry.js';
import { readDiscordConfig } from './discord-config.js';

/** Discord, when DISCORD_TOKEN is set: discord.js over the gateway. */
export const discordPlatform = platformEntry(
  'discord',
  readDiscordConfig,
  async () => (await import('./start-discord.js')).startDiscord,
);
