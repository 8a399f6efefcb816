import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Asker } from '../domain/asker.js';
import type { Logger } from '../logger.js';
import type { KeyValues } from '../store/store.js';
import { absentIfUnreadable, storedSchema } from '../store/stored-value.js';
import type { IncomingNews } from './submit-news.js';

/** How long the bot remembers a direct message it asked about ("add this to the newsletter?"). */
export const PENDING_NEWS_TTL_MS = 24 * 60 * 60 * 1000;

interface Pending {
  news: IncomingNews;
  platform: Asker['platform'];
  askerId: string;
}

const storedPending = storedSchema(async (z) => {
  const { platformName } = await import('../domain/asker.js');
  return z.object({
    news: z.object({
      text: z.string(),
      attachments: z.array(z.string()).optional(),
      origin: z
        .object({ channel: z.string().optional(), messageId: z.string().optional(), permalink: z.string().optional() })
        .optional(),
    }),
    platform: platformName,
    askerId: z.string(),
  }) satisfies z.ZodType<Pending>;
});

/**
 * Direct messages that read like news, waiting for their author's yes or no. A button cannot
 * carry a message of up to 4,000 characters (Discord allows 100 in a button), so it carries a
 * token and the message waits in the store. One that cannot be read back is taken as no longer
 * held (with a warning): its author is told so, and can send it again.
 */
export class PendingNews {
  constructor(
    private readonly values: KeyValues,
    private readonly logger: Logger,
  ) {}

  async hold(news: IncomingNews, asker: Asker): Promise<string> {
    const token = randomUUID();
    await this.values.set(
      key(token),
      { news, platform: asker.platform, askerId: asker.id } satisfies Pending,
      PENDING_NEWS_TTL_MS,
    );
    return token;
  }

  /** The held message, if it is the asker's and still held; it is released either way. */
  async take(token: string, asker: Asker): Promise<IncomingNews | undefined> {
    const pending = await absentIfUnreadable(this.values.get(key(token), storedPending), this.logger);
    if (!pending || pending.platform !== asker.platform || pending.askerId !== asker.id) return undefined;
    await this.values.delete(key(token));
    return pending.news;
  }
}

function key(token: string): string {
  return `news-pending:${token}`;
}
