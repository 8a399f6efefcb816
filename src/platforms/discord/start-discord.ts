import { Client, DiscordjsErrorCodes, Events, GatewayIntentBits, Partials, type Interaction } from 'discord.js';
import type { Bot } from '../../bot.js';
import { ConfigError } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { RunningPlatform } from '../running-platform.js';
import { answerAutocomplete } from './answer-autocomplete.js';
import { answerCommand } from './answer-command.js';
import type { DiscordConfig } from './discord-config.js';
import type { DiscordContext } from './discord-context.js';
import { discordPoster } from './discord-poster.js';
import { GSEF_COMMAND } from './discord-commands.js';
import { filterWords } from './filter-words.js';
import { guardGatewayPackets } from './guard-gateway-packets.js';
import { handleMessage } from './handle-message.js';

/**
 * The gateway intents the bot needs, none of them privileged: Guilds (the servers and channels it
 * is in, and interactions), GuildMessages (messages that mention it) and DirectMessages. Discord
 * sends the text of messages that mention the bot, and of DMs, without the privileged
 * MessageContent intent, and slash commands need no intent at all.
 */
export const DISCORD_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** Half of Discord's 3 seconds for a first response, leaving the rest for the request itself. */
export const DEFER_AFTER_MS = 1500;

/**
 * Connects the bot to Discord and answers `/gsef` commands, autocompletion, mentions and DMs
 * until stopped. Resolves once the gateway session is ready. discord.js keeps the connection up:
 * a dropped gateway connection is resumed, rate limits are waited out.
 */
export async function startDiscord(bot: Bot, config: DiscordConfig, logger: Logger): Promise<RunningPlatform> {
  const client = new Client({
    intents: DISCORD_INTENTS,
    // DM channels are not cached before their first message: without this partial, DMs are dropped.
    partials: [Partials.Channel],
    rest: config.restApi === undefined ? {} : { api: config.restApi },
    allowedMentions: { parse: [], repliedUser: false },
  });
  const context: DiscordContext = { bot, logger, words: filterWords(bot.services.kb), deferAfterMs: DEFER_AFTER_MS };

  guardGatewayPackets(client, logger);
  client.on(Events.InteractionCreate, (interaction) => void route(interaction, context));
  client.on(Events.MessageCreate, (message) => {
    handleMessage(message, context).catch((error: unknown) => logger.error('discord message handling failed', { message: message.id, error }));
  });
  // Without an 'error' listener an EventEmitter error would end the process.
  client.on(Events.Error, (error) => logger.error('discord client error', { error }));
  client.on(Events.ShardError, (error, shard) => logger.warn('discord gateway connection error; discord.js reconnects', { shard, error }));
  client.on(Events.ShardDisconnect, (event, shard) => logger.error('discord gateway closed for good (check the token and the intents in the Developer Portal)', { shard, code: event.code }));
  client.on(Events.ShardResume, (shard, replayed) => logger.info('discord gateway session resumed', { shard, replayed }));
  client.on(Events.Warn, (message) => logger.warn('discord warning', { message }));

  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(config.token);
    await ready;
  } catch (error) {
    await client.destroy();
    if ((error as { code?: unknown }).code === DiscordjsErrorCodes.TokenInvalid) {
      throw new ConfigError('DISCORD_TOKEN', 'Discord refused this token: copy the bot token again from the Developer Portal (Bot > Reset Token)');
    }
    throw error;
  }
  const applicationId = client.application?.id;
  if (applicationId !== config.applicationId) {
    logger.warn('DISCORD_APPLICATION_ID is not the application of DISCORD_TOKEN: `gsef discord-register` registers the commands elsewhere', {
      configured: config.applicationId,
      actual: applicationId,
    });
  }
  logger.info('discord is connected', { user: client.user?.tag, guilds: client.guilds.cache.size });

  return {
    name: 'discord',
    poster: discordPoster(client.rest, bot.services.translator, bot.services.defaultLang),
    async stop() {
      await client.destroy();
    },
  };
}

/** Each interaction to its handler; the handlers catch their own failures. Kinds the bot never registers are ignored. */
async function route(interaction: Interaction, context: DiscordContext): Promise<void> {
  try {
    if (interaction.isAutocomplete() && interaction.commandName === GSEF_COMMAND) await answerAutocomplete(interaction, context);
    else if (interaction.isChatInputCommand() && interaction.commandName === GSEF_COMMAND) await answerCommand(interaction, context);
  } catch (error) {
    context.logger.error('discord interaction handling failed', { interaction: interaction.id, error });
  }
}
