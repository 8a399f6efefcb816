import type { NewsletterSettings } from '../catalog/schema.js';
import type { PlatformName } from '../domain/asker.js';
import type { Logger } from '../logger.js';
import type { NewsAuthor } from '../news/news-item.js';
import type { NoticeQueue, NoticeRecipient } from '../news/notice-queue.js';
import type { Reply } from '../reply/reply.js';
import { NoticeSender, type NoticeSenderOptions } from './notice-sender.js';
import type { PlatformAdapter } from './platform-adapter.js';

/**
 * What became of a message to an author: given at once (`told`, the console), queued for delivery
 * (`queued`, Slack or Discord), or lost because the store did not take it (`not-queued`).
 */
export type AuthorNotice = 'told' | 'queued' | 'not-queued';

/**
 * Messages the bot sends on its own initiative about the newsletter: to an item's author (their
 * item was approved or rejected) and to the editorial committee's channels (a new item to
 * review). A message to a platform whose delivery is `queued` is written to the store's outbox
 * before the person who acted is answered, and delivered in the background by a process running
 * that platform (this one, once the platform's adapter is attached, or a later one): the sender
 * never waits for Slack or Discord, and a failed delivery is tried again until it succeeds. A
 * platform whose delivery is `immediate` (the console) is given the message at once.
 */
export class Outbox {
  private readonly adapters = new Map<PlatformName, PlatformAdapter>();
  private readonly sender: NoticeSender;

  constructor(
    private readonly editorialChannels: NewsletterSettings['editorialChannels'],
    private readonly notices: NoticeQueue,
    private readonly logger: Logger,
    senderOptions: Partial<NoticeSenderOptions> = {},
  ) {
    this.sender = new NoticeSender(notices, this.adapters, logger, senderOptions);
  }

  /** A platform running here: its notices, queued here or by another process, are delivered from now on. */
  attach(adapter: PlatformAdapter): void {
    this.adapters.set(adapter.name, adapter);
    if (adapter.delivery === 'immediate') return;
    this.sender.start();
    this.sender.wake();
  }

  /** Stops delivering; resolves once a delivery under way is recorded. */
  stop(): Promise<void> {
    return this.sender.stop();
  }

  /** Tells an author something; a failure is logged, never thrown at the editor who acted. */
  async toAuthor(author: NewsAuthor, reply: Reply): Promise<AuthorNotice> {
    const adapter = this.adapters.get(author.platform);
    if (adapter?.delivery === 'immediate') {
      try {
        await adapter.sendDirect(author.userId, reply);
        return 'told';
      } catch (error) {
        this.logger.error('could not tell an author', { author, title: reply.title, error });
        return 'not-queued';
      }
    }
    return (await this.queue({ platform: author.platform, kind: 'person', id: author.userId }, reply))
      ? 'queued'
      : 'not-queued';
  }

  /** Announces to every configured editorial channel, whichever process runs its platform. */
  async toEditors(reply: Reply): Promise<void> {
    for (const [platform, channel] of Object.entries(this.editorialChannels)) {
      if (channel) await this.queue({ platform, kind: 'channel', id: channel }, reply);
    }
  }

  /**
   * Posts to a channel, as the bot itself (the data's problems, a change to the calendar): at once
   * where the platform's delivery is immediate (the console), else through the outbox, like the
   * editors' notices. A failure is logged, never thrown.
   */
  async toChannel(platform: PlatformName, channel: string, reply: Reply): Promise<void> {
    const adapter = this.adapters.get(platform);
    if (adapter?.delivery !== 'immediate') {
      await this.queue({ platform, kind: 'channel', id: channel }, reply);
      return;
    }
    try {
      await adapter.post(channel, reply);
    } catch (error) {
      this.logger.error('could not post to a channel', { platform, channel, title: reply.title, error });
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
