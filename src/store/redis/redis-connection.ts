import { createClient, type RedisClientType } from '@keyv/redis';
import { STORE_ANSWER_TIMEOUT_MS, STORE_CONNECT_TIMEOUT_MS, withinDeadline } from '../store-timeouts.js';

/** The longest wait between two attempts to re-open a dropped connection. */
const MAX_RECONNECT_DELAY_MS = 5_000;

export type RedisConnection = RedisClientType;

/**
 * Connects to the Redis server at `url`, or fails at once: start-up must say that Redis cannot be
 * reached rather than wait for it. Once connected, a dropped connection is re-opened by the
 * client; commands sent meanwhile fail, and their callers handle it.
 */
export async function connectRedis(url: string): Promise<RedisConnection> {
  let connected = false;
  const client = createClient({
    url,
    // While the connection is down a command fails at once (the member gets an apology and can send
    // again) rather than waiting, unanswered, in a queue that dies with the process.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: STORE_CONNECT_TIMEOUT_MS,
      // An error ends the attempts (and rejects connect()); a number is the delay before the next.
      reconnectStrategy: (attempt: number, cause: Error) =>
        connected ? Math.min(100 * 2 ** attempt, MAX_RECONNECT_DELAY_MS) : cause,
    },
  }) as RedisConnection;
  // Without a listener, a connection error would end the process.
  client.on('error', () => {});
  await client.connect();
  connected = true;
  return answeringWithin(client, STORE_ANSWER_TIMEOUT_MS);
}

/** The client's own methods that open or close the connection: they are not operations on data. */
const CONNECTION_METHODS = new Set<PropertyKey>(['connect', 'close', 'destroy', 'quit', 'disconnect', 'duplicate']);

/**
 * The client, each of whose commands fails after `ms` without an answer. A server that is connected
 * but answers nothing (frozen, or packets silently dropped) would otherwise leave every command
 * waiting: the client's own `timeout` command option covers only commands not yet sent. Replies
 * keep their order on the connection, so once the server resumes, later commands work again.
 */
function answeringWithin(client: RedisConnection, ms: number): RedisConnection {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      // Called on the client itself, whose private fields a proxy cannot reach.
      const method = (value as (...args: unknown[]) => unknown).bind(target);
      if (CONNECTION_METHODS.has(property)) return method;
      return (...args: unknown[]) => {
        const result = method(...args);
        return result instanceof Promise ? withinDeadline(result, ms) : result;
      };
    },
  });
}

/**
 * What an operator should know about Redis's persistence: the bot tells a member "received" once
 * Redis has the item, but Redis writes it to disk at once only with `appendonly yes` and
 * `appendfsync always`.
 */
export async function durabilityWarnings(client: RedisConnection): Promise<string[]> {
  let settings: Record<string, string>;
  try {
    settings = (await client.configGet('append*')) as Record<string, string>;
  } catch {
    return [
      'Redis refused CONFIG GET, so its persistence settings are unknown: news and reminder records survive a crash of Redis itself only with appendonly yes and appendfsync always.',
    ];
  }
  if (settings.appendonly !== 'yes')
    return [
      'Redis runs with appendonly no: if Redis itself stops abruptly, news acknowledged since its last snapshot are lost. Set appendonly yes and appendfsync always.',
    ];
  if (settings.appendfsync !== 'always')
    return [
      `Redis runs with appendfsync ${settings.appendfsync ?? 'unknown'}: if the Redis server itself crashes, up to a second of acknowledged news can be lost. Set appendfsync always.`,
    ];
  return [];
}
