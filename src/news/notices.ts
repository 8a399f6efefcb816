import type { AuthorNotice } from '../messaging/outbox.js';
import type { Reply } from '../reply/reply.js';
import type { NewsAuthor } from './news-item.js';

/**
 * Messages to the editorial committee and to authors, as the newsletter's commands need them: the
 * outbox (src/messaging/outbox.ts) is one, delivered by whichever process runs their platform.
 */
export interface Notices {
  toEditors(reply: Reply): Promise<void>;
  toAuthor(author: NewsAuthor, reply: Reply): Promise<AuthorNotice>;
}
