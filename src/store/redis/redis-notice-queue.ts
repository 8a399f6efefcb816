import {
  afterFailure,
  noticeFromJson,
  noticeToJson,
  type NoticeQueue,
  type NoticeRecipient,
  type QueuedNotice,
} from '../../news/notice-queue.js';
import type { Reply } from '../../reply/reply.js';
import { checkStored, storedSchema } from '../stored-value.js';
import type { RedisConnection } from './redis-connection.js';

/**
 * The outbox's keys: notices by number in one hash, who holds each claim in another, and per
 * platform a sorted set of notice numbers by when each may next be claimed (when it was queued,
 * the end of a claim's lease, or the end of a failed attempt's back-off).
 */
const KEYS = {
  lastNumber: 'gsef:notices:last-number',
  items: 'gsef:notices:items',
  owners: 'gsef:notices:owners',
  due: (platform: NoticeRecipient['platform']) => `gsef:notices:due:${platform}`,
};

/** KEYS: last number, items, due. ARGV: notice JSON, now. */
const ADD = `
local id = redis.call('INCR', KEYS[1])
redis.call('HSET', KEYS[2], id, ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], id)
return id`;

/** Atomic, so that two instances never claim one notice. KEYS: due, items, owners. ARGV: now, lease end, owner, limit. Answers {id, json, …}. */
const CLAIM = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[4]))
local claimed = {}
for _, id in ipairs(ids) do
  redis.call('ZADD', KEYS[1], ARGV[2], id)
  redis.call('HSET', KEYS[3], id, ARGV[3])
  claimed[#claimed + 1] = id
  claimed[#claimed + 1] = redis.call('HGET', KEYS[2], id)
end
return claimed`;

/** KEYS: items, due, owners. ARGV: id, owner. */
const DELIVERED = `
if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
return 1`;

/** KEYS: items, due, owners. ARGV: id, owner, notice JSON, retry at. */
const FAILED = `
if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
return 1`;

/** CLAIM's answer: each claimed notice's number then its JSON. */
const claimReply = storedSchema((z) => z.array(z.string()));

export class RedisNoticeQueue implements NoticeQueue {
  constructor(private readonly client: RedisConnection) {}

  async add(recipient: NoticeRecipient, reply: Reply, nowMs: number): Promise<void> {
    const now = Math.floor(nowMs);
    await this.client.eval(ADD, {
      keys: [KEYS.lastNumber, KEYS.items, KEYS.due(recipient.platform)],
      arguments: [noticeToJson({ recipient, reply, queuedAt: now, attempts: 0 }), String(now)],
    });
  }

  async claim(
    platform: NoticeRecipient['platform'],
    owner: string,
    nowMs: number,
    leaseMs: number,
    limit: number,
  ): Promise<QueuedNotice[]> {
    const now = Math.floor(nowMs);
    const claimed = await checkStored(
      claimReply,
      KEYS.items,
      await this.client.eval(CLAIM, {
        keys: [KEYS.due(platform), KEYS.items, KEYS.owners],
        arguments: [String(now), String(now + leaseMs), owner, String(limit)],
      }),
    );
    const notices: Promise<QueuedNotice>[] = [];
    for (let i = 0; i < claimed.length; i += 2) notices.push(noticeFromJson(Number(claimed[i]), claimed[i + 1]!));
    return (await Promise.all(notices)).sort((a, b) => a.id - b.id);
  }

  async delivered(notice: QueuedNotice, owner: string): Promise<void> {
    await this.client.eval(DELIVERED, {
      keys: [KEYS.items, KEYS.due(notice.recipient.platform), KEYS.owners],
      arguments: [String(notice.id), owner],
    });
  }

  async failed(notice: QueuedNotice, owner: string, error: string, retryAtMs: number): Promise<void> {
    const { id, ...rest } = afterFailure(notice, error);
    await this.client.eval(FAILED, {
      keys: [KEYS.items, KEYS.due(notice.recipient.platform), KEYS.owners],
      arguments: [String(id), owner, noticeToJson(rest), String(Math.floor(retryAtMs))],
    });
  }

  async list(): Promise<QueuedNotice[]> {
    const all = await this.client.hGetAll(KEYS.items);
    const notices = await Promise.all(Object.entries(all).map(([id, json]) => noticeFromJson(Number(id), json)));
    return notices.sort((a, b) => a.id - b.id);
  }
}
