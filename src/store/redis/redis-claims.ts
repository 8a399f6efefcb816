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

/** Deletes each claim of KEYS last taken before ARGV[1]; atomic, so a claim renewed meanwhile is kept. */
const FORGET = `
for _, key in ipairs(KEYS) do
  local at = redis.call('HGET', key, 'at')
  if at and tonumber(at) < tonumber(ARGV[1]) then redis.call('DEL', key) end
end
return 0`;

/** Claims as Redis hashes, `gsef:claim:KEY` → owner and when it was claimed. */
export class RedisClaims implements Claims {
  constructor(private readonly client: RedisConnection) {}

  async claim(key: string, owner: string, nowMs: number, leaseMs: number): Promise<boolean> {
    const held = await this.client.eval(CLAIM, {
      keys: [`gsef:claim:${key}`],
      arguments: [owner, String(nowMs), String(leaseMs)],
    });
    return held === 1;
  }

  async forget(prefix: string, beforeMs: number): Promise<void> {
    // SCAN's pattern characters in the prefix are taken literally.
    const match = `gsef:claim:${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
    for await (const keys of this.client.scanIterator({ MATCH: match, COUNT: 500 })) {
      if (keys.length > 0) await this.client.eval(FORGET, { keys, arguments: [String(beforeMs)] });
    }
  }
}
