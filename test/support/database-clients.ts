// Short-lived connections to the test servers, always closed: used by the global setup to see whether a
// server is up (in the main process) and by tests to make and inspect their databases (in workers).
import { createClient } from '@keyv/redis';
import { Client } from 'pg';

function redisClient(url: string) {
  // Without a reconnect strategy a refused connection rejects connect() instead of retrying forever.
  const client = createClient({ url, socket: { reconnectStrategy: false } });
  client.on('error', () => {}); // failures reject the command that met them; an unheard 'error' event would crash the process
  return client;
}

export type RedisClient = ReturnType<typeof redisClient>;

/** Runs `use` on a Redis connection to `url` (`redis://host:port/database`), closed afterwards. */
export async function withRedis<T>(url: string, use: (client: RedisClient) => Promise<T>): Promise<T> {
  const client = redisClient(url);
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

/** Runs `use` on a PostgreSQL connection to `url`, closed afterwards. */
export async function withPostgres<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
