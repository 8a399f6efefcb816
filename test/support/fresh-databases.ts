// Empty databases of their own for tests, on the servers database-servers.ts starts for the whole run:
// test files run in parallel workers against the same two servers, and must neither see nor clear
// each other's data.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { withPostgres, withRedis } from './database-clients.js';

/** The Redis server is started with 1000 databases; database 0 holds the counter that hands out the rest. */
const REDIS_DATABASES = 1000;

/** The URL of a new, empty PostgreSQL database. */
export async function freshPostgresUrl(): Promise<string> {
  const url = new URL(inject('postgresUrl'));
  const name = `gsef_test_${randomBytes(8).toString('hex')}`;
  await withPostgres(url.href, (client) => client.query(`CREATE DATABASE ${name}`));
  url.pathname = `/${name}`;
  return url.href;
}

/** The URL of a Redis database no other test in this run has been given, empty as the server started it. */
export async function freshRedisUrl(): Promise<string> {
  const server = inject('redisUrl');
  // INCR is atomic on the one server all workers share, so no two callers get the same number.
  const database = await withRedis(`${server}/0`, (client) => client.incr('gsef-test:next-database'));
  if (database >= REDIS_DATABASES) {
    throw new Error(
      `All ${REDIS_DATABASES - 1} Redis test databases of this run are taken; restart the run (the servers are started afresh)`,
    );
  }
  return `${server}/${database}`;
}
