import {
  Client,
  DiscordjsErrorCodes,
  Events,
  GatewayCloseCodes,
  GatewayIntentBits,
  Partials,
  type Interaction,
} from 'discord.js';
import type { Bot } from '../../bot.js';
import type { NewsletterSettings } from '../../catalog/schema.js';
import { ConfigError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { NewsRules } from '../../news/news-rules.js';
import { discordAsker } from './discord-asker.js';
import type { PlatformAdapter } from '../../messaging/platform-adapter.js';
import { answerAutocomplete } from './answer-autocomplete.js';
import { answerButton } from './answer-button.js';
import { answerCommand } from './answer-command.js';
import { answerMessageCommand } from './answer-message-command.js';
import type { DiscordConfig } from './discord-config.js';
import type { DiscordContext } from './discord-context.js';
import { discordHttpAgent } from './discord-http-agent.js';
import { discordPoster } from './discord-poster.js';
import { GSEF_COMMAND, MESSAGE_COMMAND_KEY } from './discord-commands.js';
import { guardGatewayPackets } from './guard-gateway-packets.js';
import { handleMessage } from './handle-message.js';
import { handleReaction } from './handle-reaction.js';
import { handleProposalReaction } from './handle-proposal-reaction.js';

/**
 * The gateway intents the bot needs. Always, none of them privileged: Guilds (the servers, their
 * channels and roles, and interactions), GuildMessages (messages that mention it) and
 * DirectMessages. Discord sends the text of messages that mention the bot, of DMs and of the
 * message a message command is used on without the privileged MessageContent intent; slash
 * commands and buttons need no intent at all. MessageContent is asked for only when the bot must
 * read ordinary messages: news channels are configured, or 📰 reactions are on (with
 * GuildMessageReactions for those).
 */
export function discordIntents(
  newsletter: NewsletterSettings,
  config: Pick<DiscordConfig, 'newsReactions'>,
): GatewayIntentBits[] {
  const reactions = config.newsReactions === true;
  const readsMessages = reactions || (newsletter.newsChannels.discord ?? []).length > 0;
  return [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.DirectMessages,
    ...(readsMessages ? [GatewayIntentBits.MessageContent] : []),
    ...(reactions ? [GatewayIntentBits.GuildMessageReactions] : []),
  ];
}

/** Half of Discord's 3 seconds for a first response, leaving the rest for the request itself. */
export const DEFER_AFTER_MS = 1500;

export interface StartDiscordOptions {
  /** How long an answer may take before the interaction is deferred; tests see a slow one deferred sooner. */
  deferAfterMs?: number;
}

/**
 * Connects the bot to Discord and answers `/gsef` commands, autocompletion, buttons, the message
 * menu, mentions and DMs, and takes news from news channels and 📰 reactions, until stopped.
 * Resolves, with the adapter the core posts and sends through, once the gateway session is
 * ready. discord.js keeps the connection up: a dropped gateway connection is resumed, rate limits
 * are waited out.
 */
export async function startDiscord(
  bot: Bot,
  config: DiscordConfig,
  logger: Logger,
  options: StartDiscordOptions = {},
): Promise<PlatformAdapter> {
  const newsletter = bot.kb.catalog.settings.newsletter;
  const intents = discordIntents(newsletter, config);
  const agent = discordHttpAgent();
  const client = new Client({
    intents,
    // DM channels are not cached before their first message: without this partial, DMs are dropped.
    // A 📰 on a message the bot has not seen arrives as a partial message and reaction.
    partials: [Partials.Channel, ...(config.newsReactions ? [Partials.Message, Partials.Reaction] : [])],
    rest: { agent, ...(config.restApi === undefined ? {} : { api: config.restApi }) },
    allowedMentions: { parse: [], repliedUser: false },
  });
  const context: DiscordContext = {
    bot,
    logger,
    deferAfterMs: options.deferAfterMs ?? DEFER_AFTER_MS,
    intake: bot.newsIntake,
    rules: new NewsRules(newsletter),
  };

  guardGatewayPackets(client, logger);
  client.on(Events.InteractionCreate, (interaction) => void route(interaction, context));
  client.on(Events.MessageCreate, (message) => {
    handleMessage(message, context).catch((error: unknown) =>
      logger.error('discord message handling failed', { message: message.id, error }),
    );
  });
  if (config.newsReactions) {
    client.on(Events.MessageReactionAdd, (reaction, user) => {
      // 📰 sends the message to the newsletter, 📋 proposes it for the next meeting's agenda.
      Promise.all([handleReaction(reaction, user, context), handleProposalReaction(reaction, user, context)]).catch(
        (error: unknown) => logger.error('discord reaction handling failed', { message: reaction.message.id, error }),
      );
    });
  }
  // Without an 'error' listener an EventEmitter error would end the process.
  client.on(Events.Error, (error) => logger.error('discord client error', { error }));
  client.on(Events.ShardError, (error, shard) =>
    logger.warn('discord gateway connection error; discord.js reconnects', { shard, error }),
  );
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.error('discord gateway closed for good (check the token and the intents in the Developer Portal)', {
      shard,
      code: event.code,
    }),
  );
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info('discord gateway session resumed', { shard, replayed }),
  );
  client.on(Events.Warn, (message) => logger.warn('discord warning', { message }));

  if (intents.includes(GatewayIntentBits.MessageContent)) {
    logger.info('discord: asking for the privileged Message Content intent (news channels or 📰 reactions are on)', {
      newsChannels: (newsletter.newsChannels.discord ?? []).length,
      newsReactions: config.newsReactions === true,
    });
  }
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  // A gateway that closes for good before the session is ready would leave `ready` waiting forever.
  const closed = new Promise<never>((_, reject) =>
    client.once(Events.ShardDisconnect, (event) => reject(new GatewayClosedError(event.code))),
  );
  closed.catch(() => undefined);
  try {
    await client.login(config.token);
    await Promise.race([ready, closed]);
  } catch (error) {
    await client.destroy();
    await agent.close();
    if (
      (error as { code?: unknown }).code === DiscordjsErrorCodes.TokenInvalid ||
      (error instanceof GatewayClosedError && error.closeCode === GatewayCloseCodes.AuthenticationFailed)
    ) {
      throw new ConfigError(
        'DISCORD_TOKEN',
        'Discord refused this token: copy the bot token again from the Developer Portal (Bot > Reset Token)',
      );
    }
    // @discordjs/ws rejects the login with its own error before the shard reports the close code.
    if (
      (error instanceof GatewayClosedError && error.closeCode === GatewayCloseCodes.DisallowedIntents) ||
      /disallowed intents/i.test((error as Error).message)
    ) {
      throw new ConfigError(
        config.newsReactions ? 'DISCORD_NEWS_REACTIONS' : 'newsletter.newsChannels.discord (data/settings.yaml)',
        'Discord refused the privileged Message Content intent, needed to read news channels (newsletter.newsChannels.discord) and 📰 reactions (DISCORD_NEWS_REACTIONS): turn it on in the Developer Portal (Bot > Privileged Gateway Intents > Message Content Intent), or turn those off',
      );
    }
    throw error;
  }
  const applicationId = client.application?.id;
  if (applicationId !== config.applicationId) {
    logger.warn(
      'DISCORD_APPLICATION_ID is not the application of DISCORD_TOKEN: `gsef discord-register` registers the commands elsewhere',
      {
        configured: config.applicationId,
        actual: applicationId,
      },
    );
  }
  logger.info('discord is connected', { user: client.user?.tag, guilds: client.guilds.cache.size });

  const poster = discordPoster(client.rest, bot.translator, bot.defaultLang, client.user!.id);
  return {
    name: 'discord',
    delivery: 'queued',
    post: (channelId, reply, mark) => poster.post(channelId, reply, mark),
    wasPosted: (channelId, reply, mark) => poster.wasPosted(channelId, reply, mark),
    // `POST /users/@me/channels` opens the DM channel, which discord.js then keeps; the poster pings nobody.
    async sendDirect(userId, reply) {
      const dm = await client.users.createDM(userId);
      await poster.post(dm.id, reply);
    },
    person: async (userId) => discordAsker(await client.users.fetch(userId)),
    async stop() {
      await client.destroy();
      await agent.close();
    },
  };
}

/** The gateway closed with a code discord.js does not recover from. */
class GatewayClosedError extends Error {
  constructor(readonly closeCode: number) {
    super(`the Discord gateway closed for good (code ${closeCode})`);
    this.name = 'GatewayClosedError';
  }
}

/** Each interaction to its handler; the handlers catch their own failures. Kinds the bot never registers are ignored. */
async function route(interaction: Interaction, context: DiscordContext): Promise<void> {
  try {
    if (interaction.isAutocomplete() && interaction.commandName === GSEF_COMMAND)
      await answerAutocomplete(interaction, context);
    else if (interaction.isChatInputCommand() && interaction.commandName === GSEF_COMMAND)
      await answerCommand(interaction, context);
    else if (interaction.isButton()) await answerButton(interaction, context);
    else if (
      interaction.isMessageContextMenuCommand() &&
      interaction.commandName === context.bot.t('en', MESSAGE_COMMAND_KEY)
    ) {
      await answerMessageCommand(interaction, context);
    }
  } catch (error) {
    context.logger.error('discord interaction handling failed', { interaction: interaction.id, error });
  }
}
