import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';
import { z } from 'zod';
import { envSecret, envText } from '../../env-text.js';
import { ConfigError } from '../../errors.js';

/** How the Slack app receives requests: over HTTP (a public URL) or Socket Mode (an outgoing WebSocket). */
export type SlackConnection =
  { kind: 'http'; signingSecret: string; port: number; host: string } | { kind: 'socket'; appToken: string };

export interface SlackConfig {
  botToken: string;
  connection: SlackConnection;
  /** Base URL of the Slack Web API (SLACK_API_URL); undefined for Slack's own. */
  apiUrl: string | undefined;
}

export const DEFAULT_PORT = 3000;
const PORT_MESSAGE = 'must be a port number from 0 to 65535 (default 3000)';

// An empty variable (`SLACK_APP_TOKEN=` in an .env file) means "not set".
const optional = <T extends z.ZodType<string>>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const HOST_MESSAGE =
  'must be an address of this machine to listen on: 0.0.0.0 (all, the default), :: (all, IPv6), 127.0.0.1, localhost, or one of its own IP addresses';

/**
 * Whether this machine can listen on `host`: a wildcard, a loopback address, one of its own
 * addresses, localhost, or its own name. Anything else would fail when Slack starts listening,
 * after the store opened and other platforms connected.
 */
function isListenable(host: string): boolean {
  if (host === 'localhost' || host === hostname()) return true;
  if (isIP(host) === 0) return false;
  if (host === '0.0.0.0' || host === '::' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)) return true;
  return Object.values(networkInterfaces()).some((addresses) => addresses?.some((a) => a.address === host));
}

const slackEnv = z.object({
  SLACK_BOT_TOKEN: optional(
    envSecret(500).startsWith(
      'xoxb-',
      'must be the Bot User OAuth Token, which starts with xoxb- (OAuth & Permissions page of the Slack app)',
    ),
  ),
  SLACK_SIGNING_SECRET: optional(envSecret(200)),
  SLACK_APP_TOKEN: optional(
    envSecret(500).startsWith(
      'xapp-',
      'must be an app-level token, which starts with xapp- (Basic Information → App-Level Tokens, scope connections:write)',
    ),
  ),
  SLACK_API_URL: optional(
    envText(2048).pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })),
  ),
  PORT: optional(z.string().regex(/^\d{1,5}$/, PORT_MESSAGE))
    .transform((v) => (v === undefined ? DEFAULT_PORT : Number(v)))
    .refine((port) => port <= 65535, PORT_MESSAGE),
  HOST: optional(envText(253).refine(isListenable, HOST_MESSAGE)).transform((v) => v ?? '0.0.0.0'),
});

/**
 * Reads the Slack settings: undefined when none is set (Slack stays off), else a complete,
 * consistent configuration. With both an app token and a signing secret, the app token wins:
 * Socket Mode needs no public URL, and the signing secret is then simply not used.
 */
export function readSlackConfig(env: NodeJS.ProcessEnv): SlackConfig | undefined {
  // PORT and HOST matter only to Slack over HTTP: without Slack, nothing here is read.
  if (!env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN) return undefined;
  const parsed = slackEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const {
    SLACK_BOT_TOKEN: botToken,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_APP_TOKEN: appToken,
    SLACK_API_URL: apiUrl,
    PORT: port,
    HOST: host,
  } = parsed.data;
  if (botToken === undefined) {
    const given = appToken !== undefined ? 'SLACK_APP_TOKEN' : 'SLACK_SIGNING_SECRET';
    throw new ConfigError(
      'SLACK_BOT_TOKEN',
      `is required with ${given}: set it to the Bot User OAuth Token (xoxb-…) from the OAuth & Permissions page of the Slack app`,
    );
  }
  if (appToken !== undefined) return { botToken, connection: { kind: 'socket', appToken }, apiUrl };
  if (signingSecret !== undefined) return { botToken, connection: { kind: 'http', signingSecret, port, host }, apiUrl };
  throw new ConfigError(
    'SLACK_SIGNING_SECRET',
    'is required with SLACK_BOT_TOKEN to receive Slack requests over HTTP (Basic Information page of the Slack app); or set SLACK_APP_TOKEN (xapp-…) instead to use Socket Mode',
  );
}
