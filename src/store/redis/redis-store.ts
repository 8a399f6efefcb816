import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';
import { KeyvValues } from '../keyv-values.js';
import type { Store } from '../store.js';
import { RedisClaims } from './redis-claims.js';
import { RedisCounters } from './redis-counters.js';
import { connectRedis, durabilityWarnings } from './redis-connection.js';
import { RedisNewsRepository } from './redis-news-repository.js';
import { RedisNoticeQueue } from './redis-notice-queue.js';

/** redis://…: one Redis server shared by every instance of the bot. */
export async function redisStore(url: string): Promise<Store> {
  const client = await connectRedis(url);
  return {
    values: new KeyvValues(
      new Keyv({ store: new KeyvRedis(client, { throwOnConnectError: true, throwOnErrors: true }) }),
    ),
    claims: new RedisClaims(client),
    counters: new RedisCounters(client),
    news: new RedisNewsRepository(client),
    notices: new RedisNoticeQueue(client),
    warnings: await durabilityWarnings(client),
    close: async () => {
      await client.close();
    },
  };
}
