import type { PlatformName } from '../domain/asker.js';
import type { AuthorNotice } from '../messaging/outbox.js';
import type { Reply } from '../reply/reply.js';
import type { NewsAuthor } from './news-item.js';

/**
 * Messages to the editorial committee, to authors and to channels, as the commands need them: the
 * outbox (src/messaging/outbox.ts) is one, delivered by whichever process runs their platform.
 */
export interface Notices {
  toEditors(reply: Reply): Promise<void>;
  toAuthor(author: NewsAuthor, reply: Reply): Promise<AuthorNotice>;
  /** Posts to a channel as the bot itself (the secretariat's, for an agenda proposal to decide). */
  toChannel(platform: PlatformName, channel: string, reply: Reply): Promise<void>;
}
