import type { AddressInfo } from 'node:net';
import type { AppOptions, CustomRoute } from '@slack/bolt';
import type { Bot } from '../../bot.js';
import { ConfigError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { NewsRules } from '../../news/news-rules.js';
import type { PlatformAdapter } from '../../messaging/platform-adapter.js';
import { ACK_ANSWER_BUDGET_MS } from './ack-or-respond.js';
import { App, HTTPReceiver, loadSocketModeReceiver, webApi, type SocketModeReceiver } from './bolt.js';
import { boltLogger } from './bolt-logger.js';
import { guardSlackRequests } from './guard-slack-requests.js';
import { guardSocketFrames } from './guard-socket-frames.js';
import { keepSocketConnected } from './keep-socket-connected.js';
import { registerListeners } from './register-listeners.js';
import { SlackAskers } from './slack-askers.js';
import { SlackChannelPoster } from './slack-channel-poster.js';
import type { SlackConfig } from './slack-config.js';
import { NO_PINGS, slackMessage } from './slack-message.js';
import { directMessageChannel } from './upload-attachment.js';

/**
 * A couple of quick retries for a rate limit (after its Retry-After) or a 5xx, then the error is
 * reported. The client's default keeps retrying for about 30 minutes, long after anyone waits.
 */
export const SLACK_RETRY_POLICY: webApi.RetryOptions = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 };

/** How long one Web API call may take before it counts as failed. */
export const SLACK_REQUEST_TIMEOUT_MS = 10_000;

/** Slack's errors for a token it does not accept: start-up stops and names the variable to fix. */
const TOKEN_ERRORS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'not_allowed_token_type',
]);

export interface SlackAdapter extends PlatformAdapter {
  readonly name: 'slack';
  /** Where the HTTP endpoints listen (HTTP mode only). */
  readonly address: AddressInfo | undefined;
}

export interface StartSlackOptions {
  /** Tests shorten the waits between retries. */
  retryConfig?: webApi.RetryOptions;
  /** And between Socket Mode reconnection attempts. */
  reconnectDelayMs?: (attempt: number) => number;
  /** How long a slash command's answer may take and still go in its acknowledgement; tests see a late one sooner. */
  ackBudgetMs?: number;
  /**
   * How long Bolt waits, over HTTP, for a listener to acknowledge a payload before answering 404
   * (Bolt's 3,001 ms by default): tests that send payloads no listener takes shorten it.
   */
  unhandledRequestTimeoutMs?: number;
}

/**
 * Starts the Slack app: checks the bot token (auth.test), registers the listeners, then listens
 * over HTTP (`/slack/events`, and `GET /healthz`) or connects in Socket Mode. Resolves once
 * requests can be served; rejects with a ConfigError when Slack refuses a token or the port is taken.
 */
export async function startSlack(
  bot: Bot,
  config: SlackConfig,
  logger: Logger,
  options: StartSlackOptions = {},
): Promise<SlackAdapter> {
  let ready = false;
  const { connection } = config;
  const clientOptions: webApi.WebClientOptions = {
    retryConfig: options.retryConfig ?? SLACK_RETRY_POLICY,
    timeout: SLACK_REQUEST_TIMEOUT_MS,
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
  };
  const boltLog = boltLogger(logger);
  // Socket Mode reconnects through keepSocketConnected, not the client's own loop (see there why).
  // Both receivers are Bolt's own, with a guard in front that refuses malformed input (see the guards).
  let socketReceiver: SocketModeReceiver | undefined;
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (connection.kind === 'socket') {
    const SocketModeReceiver = await loadSocketModeReceiver();
    receiver = socketReceiver = new SocketModeReceiver({
      appToken: connection.appToken,
      logger: boltLog,
      autoReconnectEnabled: false,
      installerOptions: { clientOptions },
    });
    guardSocketFrames(socketReceiver.client, logger);
  } else {
    receiver = new HTTPReceiver({
      signingSecret: connection.signingSecret,
      // guardSlackRequests checks every request to the events endpoint (signature, timestamp,
      // size) before Bolt sees it: checking it again cost a third of an answer.
      signatureVerification: false,
      customRoutes: [healthRoute(() => ready)],
      logger: boltLog,
      ...(options.unhandledRequestTimeoutMs === undefined
        ? {}
        : { unhandledRequestTimeoutMillis: options.unhandledRequestTimeoutMs }),
    });
    guardSlackRequests(receiver, connection.signingSecret, logger);
  }
  const app = new App({
    token: config.botToken,
    receiver,
    ...(connection.kind === 'socket' ? { socketMode: true } : {}),
    clientOptions,
    logger: boltLog,
    // auth.test then runs in init(), where its failure can be caught, rather than in the constructor.
    deferInitialization: true,
    convoStore: false,
  } satisfies AppOptions);
  await app.init().catch((error: unknown) => {
    throw startupError(
      config,
      'SLACK_BOT_TOKEN',
      error,
      'copy the Bot User OAuth Token (xoxb-…) again from the OAuth & Permissions page',
    );
  });
  const rules = new NewsRules(bot.kb.catalog.settings.newsletter);
  const deps = {
    bot,
    intake: bot.newsIntake,
    rules,
    client: app.client,
    askers: new SlackAskers(app.client, logger, {
      isEditor: (userId) => rules.isEditor({ platform: 'slack', id: userId }),
    }),
    logger,
  };
  registerListeners(app, deps, {
    // An event Slack delivers twice is answered once, whichever instance sharing the store gets it.
    events: { claims: bot.claims, clock: bot.clock },
    ackBudgetMs: options.ackBudgetMs ?? ACK_ANSWER_BUDGET_MS,
  });

  let address: AddressInfo | undefined;
  let connectionKeeper: { stop(): void } | undefined;
  if (connection.kind === 'http') {
    const server = await app.start({ port: connection.port, host: connection.host }).catch((error: unknown) => {
      throw (error as NodeJS.ErrnoException).code === 'EADDRINUSE' || (error as NodeJS.ErrnoException).code === 'EACCES'
        ? new ConfigError(
            'PORT',
            `cannot listen on ${connection.host}:${connection.port} (${(error as Error).message}); choose another PORT`,
          )
        : error;
    });
    address = server.address() as AddressInfo;
  } else {
    await app.start().catch((error: unknown) => {
      throw startupError(
        config,
        'SLACK_APP_TOKEN',
        error,
        'create an app-level token with the connections:write scope (Basic Information → App-Level Tokens) and enable Socket Mode',
      );
    });
    connectionKeeper = keepSocketConnected(socketReceiver!.client, logger, options.reconnectDelayMs);
  }
  const poster = new SlackChannelPoster(app.client, bot, { token: config.botToken, clientOptions });
  ready = true;
  logger.info('Slack is connected', {
    mode: connection.kind,
    ...(address ? { address: `${address.address}:${address.port}` } : {}),
  });
  return {
    name: 'slack',
    delivery: 'queued',
    address,
    post: (channelId, reply, mark) => poster.post(channelId, reply, mark),
    wasPosted: (channelId, reply, mark) => poster.wasPosted(channelId, reply, mark),
    async sendDirect(userId, reply) {
      const lang = await bot.languageOf(await deps.askers.asker(userId));
      await app.client.chat.postMessage({
        channel: await directMessageChannel(app.client, userId),
        ...NO_PINGS,
        ...slackMessage(bot, lang, reply),
      });
    },
    person: (userId) => deps.askers.asker(userId),
    async stop() {
      ready = false;
      connectionKeeper?.stop();
      await app.stop();
    },
  };
}

/** `GET /healthz`: 200 once the app serves requests, 503 before and while it stops. */
function healthRoute(isReady: () => boolean): CustomRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler: (_request, response) => {
      const status = isReady() ? 200 : 503;
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ status: status === 200 ? 'ok' : 'starting' }));
    },
  };
}

/** Says what to fix when Slack refuses a token or cannot be reached at start-up; other errors pass unchanged. */
function startupError(config: SlackConfig, variable: string, error: unknown, fix: string): unknown {
  const refusal = (error as { data?: { error?: string } }).data?.error;
  if (refusal && TOKEN_ERRORS.has(refusal))
    return new ConfigError(variable, `Slack refused this token (${refusal}): ${fix}`);
  if ((error as { code?: string }).code !== webApi.ErrorCode.RequestError) return error;
  const cause = (error as Error).cause;
  const reason = `${(error as Error).message}${cause instanceof Error && cause.cause instanceof Error ? ` (${cause.cause.message})` : ''}`;
  return config.apiUrl
    ? new ConfigError('SLACK_API_URL', `cannot reach ${config.apiUrl}: ${reason}`)
    : new Error(`Cannot reach the Slack Web API (https://slack.com/api/): ${reason}; check the network connection`, {
        cause: error,
      });
}
