import type { Bot } from '../../../src/bot.js';
import type { Asker } from '../../../src/domain/asker.js';
import type { PlatformAdapter } from '../../../src/messaging/platform-adapter.js';
import type { Reply } from '../../../src/reply/reply.js';
import type { LoopbackConfig } from './loopback-config.js';
import { LoopbackPeople } from './loopback-people.js';
import { BOT, LoopbackSpace } from './loopback-space.js';
import { renderLoopback } from './render-loopback.js';

/**
 * The loopback platform's adapter: what the core asks of it (post to a channel, look for a marked
 * post, write to a person, say who a person is) done on its in-memory space; beside it, `people`,
 * what its people do, and `space`, what they read.
 */
export class LoopbackAdapter implements PlatformAdapter {
  readonly name = 'loopback';
  /** Queued, as for Slack and Discord: the bot's own messages to its people go through the store's outbox. */
  readonly delivery = 'queued';
  readonly space = new LoopbackSpace();
  readonly people: LoopbackPeople;
  private readonly editors: ReadonlySet<string>;

  constructor(bot: Bot, config: LoopbackConfig) {
    this.editors = new Set(config.editors);
    this.people = new LoopbackPeople(bot, bot.newsIntake, this.space, (id) => this.person(id));
  }

  async post(channel: string, reply: Reply, mark?: string): Promise<void> {
    this.space.postIn(channel, BOT, renderLoopback(reply), mark);
  }

  async wasPosted(channel: string, _reply: Reply, mark: string): Promise<boolean> {
    return this.space.channel(channel).some((m) => m.from === BOT && m.mark === mark);
  }

  async sendDirect(personId: string, reply: Reply): Promise<void> {
    this.space.sayDirectly(personId, BOT, renderLoopback(reply));
  }

  async person(personId: string): Promise<Asker> {
    const { name, locale } = this.space.profile(personId);
    return {
      platform: this.name,
      id: personId,
      displayName: name ?? personId,
      ...(locale === undefined ? {} : { locale }),
      isEditor: this.editors.has(personId),
    };
  }

  async stop(): Promise<void> {
    this.people.stopListening();
  }
}
