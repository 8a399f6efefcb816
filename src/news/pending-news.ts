import { randomUUID } from 'node:crypto';
import type Keyv from 'keyv';
import type { Asker } from '../domain/asker.js';
import type { IncomingNews } from './submit-news.js';

/** How long the bot remembers a direct message it asked about ("add this to the newsletter?"). */
export const PENDING_NEWS_TTL_MS = 24 * 60 * 60 * 1000;

interface Pending {
  news: IncomingNews;
  platform: Asker['platform'];
  askerId: string;
}

/**
 * Direct messages that read like news, waiting for their author's yes or no. A button cannot
 * carry a message of up to 4,000 characters (Discord allows 100 in a button), so it carries a
 * token and the message waits in the store.
 */
export class PendingNews {
  constructor(private readonly store: Keyv) {}

  async hold(news: IncomingNews, asker: Asker): Promise<string> {
    const token = randomUUID();
    await this.store.set(
      key(token),
      { news, platform: asker.platform, askerId: asker.id } satisfies Pending,
      PENDING_NEWS_TTL_MS,
    );
    return token;
  }

  /** The held message, if it is the asker's and still held; it is released either way. */
  async take(token: string, asker: Asker): Promise<IncomingNews | undefined> {
    const pending = (await this.store.get(key(token))) as Pending | undefined;
    if (!pending || pending.platform !== asker.platform || pending.askerId !== asker.id) return undefined;
    await this.store.delete(key(token));
    return pending.news;
  }
}

const PREFIX = 'news-pending:';

function key(token: string): string {
  return PREFIX + token;
}

/** Whether a store key holds a message awaiting its author's yes (kept only PENDING_NEWS_TTL_MS). */
export function isPendingNewsKey(storeKey: string): boolean {
  return storeKey.startsWith(PREFIX);
}
