import type { Reply } from '../reply/reply.js';
import type { NewsAuthor } from './news-item.js';

/**
 * What became of a message to an author: told at once (the console prints it), queued for the
 * process that runs the author's platform, or not queued at all (the store did not answer).
 */
export type AuthorNotice = 'told' | 'queued' | 'not-queued';

/** Messages to the editorial committee and to authors, delivered by whichever process runs their platform. */
export interface Notices {
  toEditors(reply: Reply): Promise<void>;
  toAuthor(author: NewsAuthor, reply: Reply): Promise<AuthorNotice>;
}
