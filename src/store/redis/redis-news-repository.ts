import type { NewNewsItem, NewsItem, NewsStatus } from '../../news/news-item.js';
import {
  dedupeKeys,
  itemFromJson,
  itemToJson,
  NO_LIMIT,
  senderKey,
  type InsertResult,
  type NewsRepository,
  type SendingLimit,
} from '../../news/news-repository.js';
import { checkStored, storedSchema } from '../stored-value.js';
import type { RedisConnection } from './redis-connection.js';

const STATUSES: readonly NewsStatus[] = ['pending', 'approved', 'rejected', 'published'];

/** The queue's keys. Items by number in one hash; indexes beside it. */
const KEYS = {
  lastNumber: 'gsef:news:last-number',
  items: 'gsef:news:items',
  bySource: 'gsef:news:by-source',
  byText: 'gsef:news:by-text',
  byStatus: (status: NewsStatus) => `gsef:news:status:${status}`,
  // Named "author" from when every item was sent by its author; it indexes items by their sender.
  bySender: (item: NewNewsItem) => `gsef:news:author:${senderKey(item)}`,
};

/**
 * Checks both duplicate rules and the sender's daily limit (at most ARGV[6] items since the
 * instant ARGV[5], in ms), numbers the item and indexes it, in one atomic script: two instances
 * receiving the same message at once still store it once, and a sender's items arriving at once
 * are counted one after another. Answers {1, id}, {0, id of the item it duplicates}, or {2, 0}
 * when the sender reached the limit.
 */
const INSERT = `
local duplicate = (ARGV[1] ~= '' and redis.call('HGET', KEYS[2], ARGV[1])) or redis.call('HGET', KEYS[3], ARGV[2])
if duplicate then return {0, tonumber(duplicate)} end
if redis.call('ZCOUNT', KEYS[6], ARGV[5], '+inf') >= tonumber(ARGV[6]) then return {2, 0} end
local id = redis.call('INCR', KEYS[4])
redis.call('HSET', KEYS[1], id, ARGV[3])
if ARGV[1] ~= '' then redis.call('HSET', KEYS[2], ARGV[1], id) end
redis.call('HSET', KEYS[3], ARGV[2], id)
redis.call('ZADD', KEYS[5], id, id)
redis.call('ZADD', KEYS[6], ARGV[4], id)
return {1, id}`;

/** INSERT's answer: the outcome, and a number. */
const insertReply = storedSchema((z) =>
  z.tuple([z.union([z.literal(0), z.literal(1), z.literal(2)]), z.number().int()]),
);

/** Puts back an item with its number (refused if taken), and moves the numbering past it. KEYS as INSERT. */
const RESTORE = `
if redis.call('HEXISTS', KEYS[1], ARGV[5]) == 1 then return redis.error_reply('the queue already holds #' .. ARGV[5]) end
redis.call('HSET', KEYS[1], ARGV[5], ARGV[3])
if ARGV[1] ~= '' then redis.call('HSET', KEYS[2], ARGV[1], ARGV[5]) end
redis.call('HSET', KEYS[3], ARGV[2], ARGV[5])
if tonumber(redis.call('GET', KEYS[4]) or '0') < tonumber(ARGV[5]) then redis.call('SET', KEYS[4], ARGV[5]) end
redis.call('ZADD', KEYS[5], ARGV[5], ARGV[5])
redis.call('ZADD', KEYS[6], ARGV[4], ARGV[5])
return 1`;

/**
 * Replaces an item that is still as it was read (ARGV[3]) and moves it to its status's index.
 * KEYS: items, new status, the other statuses. Answers 1 if replaced.
 */
const UPDATE = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[3] then return 0 end
for i = 3, #KEYS do redis.call('ZREM', KEYS[i], ARGV[1]) end
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[1])
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1`;

/** The keys and arguments INSERT and RESTORE share. */
function writeOf(item: NewNewsItem): { keys: string[]; arguments: string[] } {
  const { sourceKey, textKey } = dedupeKeys(item);
  return {
    keys: [KEYS.items, KEYS.bySource, KEYS.byText, KEYS.lastNumber, KEYS.byStatus(item.status), KEYS.bySender(item)],
    arguments: [sourceKey ?? '', textKey, itemToJson(item), String(Date.parse(item.receivedAt))],
  };
}

/** The newsletter queue in Redis: a hash of items, sorted sets by status (by number) and by sender (by time). */
export class RedisNewsRepository implements NewsRepository {
  constructor(private readonly client: RedisConnection) {}

  async insert(item: NewNewsItem, limit: SendingLimit = NO_LIMIT): Promise<InsertResult> {
    const write = writeOf(item);
    const since = limit.since === '' ? '-inf' : String(Date.parse(limit.since));
    const [outcome, id] = await checkStored(
      insertReply,
      KEYS.items,
      await this.client.eval(INSERT, { ...write, arguments: [...write.arguments, since, String(limit.max)] }),
    );
    if (outcome === 2) return { rateLimited: true };
    return outcome === 1 ? { inserted: { ...item, id } } : { duplicateOf: id };
  }

  async restore(item: NewsItem): Promise<void> {
    const write = writeOf(item);
    await this.client.eval(RESTORE, { ...write, arguments: [...write.arguments, String(item.id)] });
  }

  async get(id: number): Promise<NewsItem | undefined> {
    const json = await this.client.hGet(KEYS.items, String(id));
    return json === null || json === undefined ? undefined : itemFromJson(id, json);
  }

  async list(status?: NewsStatus): Promise<NewsItem[]> {
    const statuses = status ? [status] : STATUSES;
    const ids = (await Promise.all(statuses.map((s) => this.client.zRange(KEYS.byStatus(s), 0, -1))))
      .flat()
      .map(Number)
      .sort((a, b) => a - b);
    if (ids.length === 0) return [];
    const jsons = await this.client.hmGet(KEYS.items, ids.map(String));
    return Promise.all(ids.flatMap((id, i) => (jsons[i] ? [itemFromJson(id, jsons[i])] : [])));
  }

  async update(item: NewsItem, previous: NewsItem): Promise<boolean> {
    const replaced = await this.client.eval(UPDATE, {
      keys: [KEYS.items, KEYS.byStatus(item.status), ...STATUSES.filter((s) => s !== item.status).map(KEYS.byStatus)],
      arguments: [String(item.id), itemToJson(item), itemToJson(previous)],
    });
    return replaced === 1;
  }
}
