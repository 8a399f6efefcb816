import { REST, Routes, type APIApplicationCommand } from 'discord.js';
import { InvalidDiscordCommandsError } from '../../errors.js';
import { commandChanges, type CommandChanges } from './command-changes.js';
import type { DiscordCommandBody } from './discord-commands.js';
import type { DiscordConfig } from './discord-config.js';
import { validateDiscordCommands } from './validate-discord-commands.js';

/**
 * Registers the commands by bulk overwrite, globally or in one server (`guildId`: immediate,
 * handy while testing; global commands reach every server the bot is in). The definitions are
 * validated first; the commands Discord had are fetched first too, to say what changed.
 */
export async function registerDiscordCommands(
  config: DiscordConfig,
  commands: readonly DiscordCommandBody[],
  guildId?: string,
): Promise<CommandChanges> {
  const problems = validateDiscordCommands(commands);
  if (problems.length > 0) throw new InvalidDiscordCommandsError(problems);
  // One attempt per request: a person is waiting at the terminal and can run it again.
  const rest = new REST({ retries: 0, ...(config.restApi === undefined ? {} : { api: config.restApi }) }).setToken(
    config.token,
  );
  const route =
    guildId === undefined
      ? Routes.applicationCommands(config.applicationId)
      : Routes.applicationGuildCommands(config.applicationId, guildId);
  const existing = (await rest.get(route, {
    query: new URLSearchParams({ with_localizations: 'true' }),
  })) as APIApplicationCommand[];
  await rest.put(route, { body: commands });
  return commandChanges(existing, commands);
}
