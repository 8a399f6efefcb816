import type { Claims } from '../claims.js';
import type { RedisConnection } from './redis-connection.js';

/**
 * Takes the claim if it is free, ours (renewing the lease) or stale; answers 1 if the caller now
 * holds it. A script runs atomically in Redis: no other command runs between its read and its write.
 */
const CLAIM = `
local owner = redis.call('HGET', KEYS[1], 'owner')
if owner and owner ~= ARGV[1] and tonumber(redis.call('HGET', KEYS[1], 'at')) >= tonumber(ARGV[2]) - tonumber(ARGV[3]) then
  return 0
end
redis.call('HSET', KEYS[1], 'owner', ARGV[1], 'at', ARGV[2])
return 1`;

/** Claims as Redis hashes, `gsef:claim:KEY` → owner and when it was claimed. */
export class RedisClaims implements Claims {
  constructor(private readonly client: RedisConnection) {}

  async claim(key: string, owner: string, nowMs: number, leaseMs: number): Promise<boolean> {
    const held = await this.client.eval(CLAIM, { keys: [`gsef:claim:${key}`], arguments: [owner, String(nowMs), String(leaseMs)] });
    return held === 1;
  }
}
