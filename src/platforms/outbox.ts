import type { NewsletterSettings } from '../catalog/schema.js';
import type { Logger } from '../logger.js';
import type { NewsAuthor } from '../news/news-item.js';
import { renderText } from '../reply/render-text.js';
import type { Reply } from '../reply/reply.js';

/** How a platform reaches a person directly, and a channel. */
export interface PlatformMessenger {
  toPerson(userId: string, reply: Reply): Promise<void>;
  toChannel(channelId: string, reply: Reply): Promise<void>;
}

/**
 * Messages the bot sends on its own initiative about the newsletter: to an item's author (their
 * item was approved or rejected) and to the editorial committee's channels (a new item to
 * review). Each running platform registers its messenger; the console prints.
 */
export class Outbox {
  private readonly messengers = new Map<NewsAuthor['platform'], PlatformMessenger>();

  constructor(
    private readonly editorialChannels: NewsletterSettings['editorialChannels'],
    private readonly logger: Logger,
    print: (text: string) => void = (text) => process.stdout.write(text),
  ) {
    this.messengers.set('console', {
      toPerson: async (userId, reply) => print(`\n[→ ${userId}] ${renderText(reply)}\n`),
      toChannel: async (channelId, reply) => print(`\n[→ #${channelId}] ${renderText(reply)}\n`),
    });
  }

  register(platform: 'slack' | 'discord', messenger: PlatformMessenger): void {
    this.messengers.set(platform, messenger);
  }

  /** Tells an author something; a failure is logged, never thrown at the editor who acted. */
  async toAuthor(author: NewsAuthor, reply: Reply): Promise<void> {
    try {
      await this.messengers.get(author.platform)?.toPerson(author.userId, reply);
    } catch (error) {
      this.logger.error('could not tell the author', { author, error });
    }
  }

  /** Announces to every configured editorial channel of every running platform. */
  async toEditors(reply: Reply): Promise<void> {
    for (const platform of ['slack', 'discord'] as const) {
      const channel = this.editorialChannels[platform];
      const messenger = this.messengers.get(platform);
      if (!channel || !messenger) continue;
      try {
        await messenger.toChannel(channel, reply);
      } catch (error) {
        this.logger.error('could not notify the editorial committee', { platform, channel, error });
      }
    }
  }
}
