import { z } from 'zod';
import { envSecret, envText } from '../../env-text.js';
import { ConfigError } from '../../errors.js';

/** What the Discord platform needs from the environment. */
export interface DiscordConfig {
  token: string;
  applicationId: string;
  /**
   * The REST API root discord.js calls (`<DISCORD_API_URL>/api`), or undefined for Discord's own.
   * The gateway URL follows from it: discord.js asks this API where the gateway is.
   */
  restApi: string | undefined;
  /**
   * Whether a 📰 reaction sends a message to the newsletter (DISCORD_NEWS_REACTIONS, off by
   * default): it needs the privileged Message Content intent, enabled in the Developer Portal.
   */
  newsReactions?: boolean;
}

// An empty variable (`DISCORD_TOKEN=` in an env file) counts as unset.
const unsetIfEmpty = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const discordEnv = z.object({
  DISCORD_TOKEN: z.preprocess(unsetIfEmpty, envText(500).trim().pipe(envSecret(500)).optional()),
  DISCORD_APPLICATION_ID: z.preprocess(
    unsetIfEmpty,
    envText(64)
      .trim()
      .regex(
        /^\d{15,22}$/,
        'must be the numeric application id (Developer Portal > General Information > Application ID)',
      )
      .optional(),
  ),
  DISCORD_API_URL: z.preprocess(
    unsetIfEmpty,
    envText(2048)
      .pipe(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080' }))
      .optional(),
  ),
  DISCORD_NEWS_REACTIONS: z.preprocess(
    (value) => (typeof value === 'string' ? (unsetIfEmpty(value) as string | undefined)?.trim().toLowerCase() : value),
    z.enum(['on', 'off', 'true', 'false', 'yes', 'no', '1', '0'], { error: 'must be on or off' }).optional(),
  ),
});

/**
 * Reads the Discord settings, or undefined when neither the token nor the application id is set
 * (Discord is off). One without the other is a mistake, reported naming the one to set.
 */
export function readDiscordConfig(env: NodeJS.ProcessEnv): DiscordConfig | undefined {
  const parsed = discordEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const {
    DISCORD_TOKEN: token,
    DISCORD_APPLICATION_ID: applicationId,
    DISCORD_API_URL: apiUrl,
    DISCORD_NEWS_REACTIONS: reactions,
  } = parsed.data;
  if (token === undefined && applicationId === undefined) return undefined;
  if (applicationId === undefined)
    throw new ConfigError(
      'DISCORD_APPLICATION_ID',
      'DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is not: set both to run on Discord, or neither',
    );
  if (token === undefined)
    throw new ConfigError(
      'DISCORD_TOKEN',
      'DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is not: set both to run on Discord, or neither',
    );
  return {
    token,
    applicationId,
    restApi: apiUrl === undefined ? undefined : restApiOf(apiUrl),
    newsReactions: reactions !== undefined && ['on', 'true', 'yes', '1'].includes(reactions),
  };
}

/**
 * `http://host:port`, `http://host:port/` and `http://host:port/api` all mean the same server:
 * DISCORD_API_URL is the base without `/api`, and a trailing `/api` is tolerated.
 */
export function restApiOf(apiUrl: string): string {
  return `${apiUrl.replace(/\/+$/, '').replace(/\/api$/, '')}/api`;
}
