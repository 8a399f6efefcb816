import type { NewsletterSettings } from '../catalog/schema.js';
import type { Logger } from '../logger.js';
import type { NewsAuthor } from '../news/news-item.js';
import type { NoticeQueue, NoticeRecipient } from '../news/notice-queue.js';
import { inertText } from '../news/sanitize.js';
import { oneLine } from '../news/text-layout.js';
import { renderText } from '../reply/render-text.js';
import type { Reply } from '../reply/reply.js';
import { NoticeSender, type NoticeSenderOptions } from './notice-sender.js';

/** How a platform reaches a person directly, and a channel. */
export interface PlatformMessenger {
  toPerson(userId: string, reply: Reply): Promise<void>;
  toChannel(channelId: string, reply: Reply): Promise<void>;
}

/**
 * What became of a message to an author: printed in the console (`told`), queued for delivery on
 * Slack or Discord (`queued`), or lost because the store did not take it (`not-queued`).
 */
export type AuthorNotice = 'told' | 'queued' | 'not-queued';

/**
 * Messages the bot sends on its own initiative about the newsletter: to an item's author (their
 * item was approved or rejected) and to the editorial committee's channels (a new item to
 * review). A message to Slack or Discord is written to the store's outbox before the person who
 * acted is answered, and delivered in the background by a process running that platform (this
 * one, once the platform registers its messenger, or a later one): the sender never waits for
 * Slack or Discord, and a failed delivery is tried again until it succeeds. The console prints
 * at once: it is this terminal, there is no one to deliver to later.
 */
export class Outbox {
  private readonly messengers = new Map<NoticeRecipient['platform'], PlatformMessenger>();
  private readonly sender: NoticeSender;

  constructor(
    private readonly editorialChannels: NewsletterSettings['editorialChannels'],
    private readonly notices: NoticeQueue,
    private readonly logger: Logger,
    private readonly print: (text: string) => void = (text) => process.stdout.write(text),
    senderOptions: Partial<NoticeSenderOptions> = {},
  ) {
    this.sender = new NoticeSender(notices, this.messengers, logger, senderOptions);
  }

  /** A platform running here: its notices, queued here or by another process, are delivered from now on. */
  register(platform: NoticeRecipient['platform'], messenger: PlatformMessenger): void {
    this.messengers.set(platform, messenger);
    this.sender.start();
    this.sender.wake();
  }

  /** Stops delivering; resolves once a delivery under way is recorded. */
  stop(): Promise<void> {
    return this.sender.stop();
  }

  /** Tells an author something; a failure is logged, never thrown at the editor who acted. */
  async toAuthor(author: NewsAuthor, reply: Reply): Promise<AuthorNotice> {
    if (author.platform === 'console') {
      // The console name is whatever --as said: shown on one line, without control characters or live markup.
      this.print(`\n[→ ${oneLine(inertText(author.userId))}] ${renderText(reply)}\n`);
      return 'told';
    }
    return (await this.queue({ platform: author.platform, kind: 'person', id: author.userId }, reply))
      ? 'queued'
      : 'not-queued';
  }

  /** Announces to every configured editorial channel, whichever process runs its platform. */
  async toEditors(reply: Reply): Promise<void> {
    for (const platform of ['slack', 'discord'] as const) {
      const channel = this.editorialChannels[platform];
      if (channel) await this.queue({ platform, kind: 'channel', id: channel }, reply);
    }
  }

  /**
   * Writes a notice to the outbox. The item or decision it is about is already stored, so a
   * failure here is logged loudly rather than turned into an apology (which would have the
   * person send again, and be told it is a duplicate): editors still find the item in the queue.
   */
  private async queue(recipient: NoticeRecipient, reply: Reply): Promise<boolean> {
    try {
      await this.notices.add(recipient, reply, Date.now());
    } catch (error) {
      this.logger.error('could not queue a notice: it will not be delivered', { recipient, title: reply.title, error });
      return false;
    }
    this.sender.wake();
    return true;
  }
}
