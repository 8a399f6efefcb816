import path from 'node:path';
import { COMMANDS } from '../../commands/index.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { readCoreConfig } from '../config.js';
import { ConfigError, GsefError, PlatformRequestError, UsageError } from '../errors.js';
import { Translator } from '../i18n/translator.js';
import { formatCommandChanges } from '../platforms/discord/command-changes.js';
import { discordCommands } from '../platforms/discord/discord-commands.js';
import { readDiscordConfig } from '../platforms/discord/discord-config.js';
import { registerDiscordCommands } from '../platforms/discord/register-discord-commands.js';
import { parseToolArgs, runTool, type Tool } from './tool.js';

const USAGE = 'usage: gsef discord-register [--guild ID]   (with DISCORD_TOKEN and DISCORD_APPLICATION_ID set)';

/**
 * `gsef discord-register [--guild ID]`: registers `/gsef` and its subcommands, derived from
 * commands/ and the locale files, and the message command "Send to GSEF newsletter", with
 * Discord, and prints what changed. Exit 0 when done, 1 when
 * Discord or the data refused, 2 on bad flags or settings.
 */
export const discordRegisterCli: Tool = (args, env, out, err) =>
  runTool('gsef discord-register: ', env, err, async () => {
    const { guild } = parseToolArgs({ args: [...args], options: { guild: { type: 'string' } } }, USAGE).values;
    if (guild !== undefined && !/^\d{15,22}$/.test(guild))
      throw new UsageError(
        `--guild must be a server id (digits; in Discord: right-click the server > Copy Server ID), not "${guild}"`,
      );
    const config = readDiscordConfig(env);
    if (!config)
      throw new ConfigError(
        'DISCORD_TOKEN',
        'set DISCORD_TOKEN and DISCORD_APPLICATION_ID (Developer Portal > your application) to register the commands',
      );
    const catalog = await loadCatalog(path.resolve(readCoreConfig(env).dataDir));
    const changes = await registerDiscordCommands(
      config,
      discordCommands(COMMANDS, new Translator(catalog.locales)),
      guild,
    ).catch((error: unknown) => {
      if (error instanceof GsefError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new PlatformRequestError(`the registration failed: ${reason}${hintFor(error)}`, error);
    });
    out(
      `Registered the Discord commands ${guild === undefined ? 'globally (every server may take a moment to show them)' : `in server ${guild}`}:`,
    );
    for (const line of formatCommandChanges(changes)) out(`  ${line}`);
    return 0;
  });

/** What usually causes Discord's refusals, to say what to check. */
function hintFor(error: unknown): string {
  const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;
  if (status === 401) return ' (check DISCORD_TOKEN: Developer Portal > Bot > Reset Token)';
  if (status === 403 || status === 404)
    return ' (check DISCORD_APPLICATION_ID, and with --guild that the bot was invited to that server with the applications.commands scope)';
  return '';
}
