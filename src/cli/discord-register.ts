import path from 'node:path';
import { parseArgs } from 'node:util';
import { COMMANDS } from '../../commands/index.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { ConfigError, DataError, InvalidDiscordCommandsError } from '../errors.js';
import { Translator } from '../i18n/translator.js';
import { formatCommandChanges } from '../platforms/discord/command-changes.js';
import { discordCommands } from '../platforms/discord/discord-commands.js';
import { readDiscordConfig } from '../platforms/discord/discord-config.js';
import { registerDiscordCommands } from '../platforms/discord/register-discord-commands.js';

const USAGE = 'usage: gsef discord-register [--guild ID]   (with DISCORD_TOKEN and DISCORD_APPLICATION_ID set)';

/**
 * `gsef discord-register [--guild ID]`: registers `/gsef` and its subcommands, derived from
 * commands/ and the locale files, and the message command "Send to GSEF newsletter", with
 * Discord, and prints what changed. Exit 0 when done, 1 when
 * Discord or the data refused, 2 on bad flags or settings.
 */
export async function discordRegisterCli(
  args: string[],
  env: NodeJS.ProcessEnv,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  let guild: string | undefined;
  try {
    const { values } = parseArgs({ args, options: { guild: { type: 'string' } } });
    guild = values.guild;
  } catch (error) {
    err(`gsef discord-register: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (guild !== undefined && !/^\d{15,22}$/.test(guild)) {
    err(
      `gsef discord-register: --guild must be a server id (digits; in Discord: right-click the server > Copy Server ID), not "${guild}"`,
    );
    return 2;
  }
  try {
    const config = readDiscordConfig(env);
    if (!config)
      throw new ConfigError(
        'DISCORD_TOKEN',
        'set DISCORD_TOKEN and DISCORD_APPLICATION_ID (Developer Portal > your application) to register the commands',
      );
    const catalog = await loadCatalog(path.resolve(env.GSEF_DATA_DIR ?? 'data'));
    const changes = await registerDiscordCommands(
      config,
      discordCommands(COMMANDS, new Translator(catalog.locales)),
      guild,
    );
    out(
      `Registered the Discord commands ${guild === undefined ? 'globally (every server may take a moment to show them)' : `in server ${guild}`}:`,
    );
    for (const line of formatCommandChanges(changes)) out(`  ${line}`);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) {
      err(`gsef discord-register: ${error.message}`);
      return 2;
    }
    if (error instanceof DataError) {
      for (const line of error.report('gsef discord-register: ')) err(line);
      return 1;
    }
    if (error instanceof InvalidDiscordCommandsError) {
      err(`gsef discord-register: ${error.message}`);
      return 1;
    }
    err(`gsef discord-register: the registration failed: ${(error as Error).message}${hintFor(error)}`);
    return 1;
  }
}

/** What usually causes Discord's refusals, to say what to check. */
function hintFor(error: unknown): string {
  const status = (error as { status?: unknown }).status;
  if (status === 401) return ' (check DISCORD_TOKEN: Developer Portal > Bot > Reset Token)';
  if (status === 403 || status === 404)
    return ' (check DISCORD_APPLICATION_ID, and with --guild that the bot was invited to that server with the applications.commands scope)';
  return '';
}
