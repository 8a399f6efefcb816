import type { Counters } from '../counters.js';
import type { RedisConnection } from './redis-connection.js';

const PREFIX = 'gsef:counter:';

/** Raises KEYS[1] to ARGV[1] unless it is already past it; atomic, as every Redis script is. */
const RAISE = `
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], ARGV[1]) end
return 0`;

/** Counters as Redis strings, `gsef:counter:NAME`, taken with INCR (atomic in Redis). */
export class RedisCounters implements Counters {
  constructor(private readonly client: RedisConnection) {}

  next(name: string): Promise<number> {
    return this.client.incr(PREFIX + name);
  }

  async current(name: string): Promise<number> {
    return Number((await this.client.get(PREFIX + name)) ?? 0);
  }

  async all(): Promise<Map<string, number>> {
    const counters = new Map<string, number>();
    for await (const keys of this.client.scanIterator({ MATCH: `${PREFIX}*`, COUNT: 500 })) {
      for (const key of keys) counters.set(key.slice(PREFIX.length), Number((await this.client.get(key)) ?? 0));
    }
    return counters;
  }

  async raise(name: string, atLeast: number): Promise<void> {
    await this.client.eval(RAISE, { keys: [PREFIX + name], arguments: [String(atLeast)] });
  }
}
