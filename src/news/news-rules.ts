import type { NewsletterSettings } from '../catalog/schema.js';
import type { PlatformName } from '../domain/asker.js';

/**
 * Who wrote a message, as far as the newsletter cares: a `person`; the bot itself (`self`: its
 * answers, notices and reminders); another `bot` or app (Slack's `bot_id`, a Discord bot account);
 * a `webhook` (a feed, an integration); or the platform itself (`system`: joins, pins, topic
 * changes, edits and deletions).
 */
export type WriterKind = 'person' | 'self' | 'bot' | 'webhook' | 'system';

/** Whoever wrote a message, or marked one as news: their id on the platform, and what they are. */
export interface Writer {
  id: string;
  kind: WriterKind;
}

/**
 * A message as every platform can describe it, for the rules below: each adapter translates its
 * own payload (a Slack event, a discord.js Message) into this, and acts on what the rules decide.
 */
export interface MessageFacts {
  platform: PlatformName;
  author: Writer;
  channel: string;
  /** Sent in the bot's direct messages. */
  direct: boolean;
  /**
   * An answer to another message rather than a post of its own: a reply in a thread (Slack, a
   * Discord thread) or a reply to a message (Discord).
   */
  reply: boolean;
  /** It names the bot (`@GSEF …`): a question to it. */
  addressesBot: boolean;
}

/** What to do with a message the bot received. */
export type ReceivedDecision =
  /** A direct message from `authorId`: to the news intake, which tells news from questions. */
  | { action: 'direct-message'; authorId: string }
  /** A post in a news channel: queued as its author's, who alone is told. */
  | { action: 'news'; authorId: string }
  /** A question to the bot, answered where it was asked. */
  | { action: 'question' }
  /** Not the bot's business. */
  | { action: 'ignore' };

/** What to do with a message someone marked as news (a 📰 reaction, the "Send to GSEF newsletter" menu). */
export type MarkedDecision =
  /** Queued as `authorId`'s: the writer's when a person wrote it, else the one who marked it. */
  | { action: 'queue'; authorId: string }
  /** Refused: the one who marked it is told why, in these words. */
  | { action: 'refuse'; reason: 'news.ownMessage' | 'news.systemMessage' };

/** Someone whose right to moderate the newsletter is asked: their id, and their roles where the platform has them. */
export interface Person {
  platform: PlatformName;
  id: string;
  /** The roles they hold where they act (a Discord server's); none in a direct message. */
  roles?: readonly string[];
}

/**
 * The newsletter's rules about messages and people, the same on every platform: which messages
 * are news and whose, and who may moderate. Adapters describe what they received (MessageFacts,
 * Person) and act on the decision; none decides for itself.
 */
export class NewsRules {
  /** Editors known by their own id, per platform (Slack user ids, console names). */
  private readonly editorIds: ReadonlyMap<PlatformName, ReadonlySet<string>>;
  /** Editors known by a role they hold, per platform (Discord role ids). */
  private readonly editorRoles: ReadonlyMap<PlatformName, ReadonlySet<string>>;
  private readonly newsChannels: ReadonlyMap<PlatformName, ReadonlySet<string>>;

  constructor(settings: Pick<NewsletterSettings, 'editors' | 'newsChannels'>) {
    const { editors, newsChannels } = settings;
    // data/settings.yaml names editors the way each platform knows people: this is the one place that reads it.
    this.editorIds = new Map([
      ['slack', new Set(editors.slackUsers)],
      ['console', new Set(editors.console)],
    ]);
    this.editorRoles = new Map([['discord', new Set(editors.discordRoles)]]);
    this.newsChannels = new Map(Object.entries(newsChannels).map(([platform, ids]) => [platform, new Set(ids)]));
  }

  /**
   * A message the bot received. Only people are listened to: the bot's own messages, other bots',
   * webhooks' and the platform's are ignored, so that the bot never answers itself or another
   * bot. A direct message goes to the intake. In a news channel, a person's post of its own is
   * news; a reply (in a thread, or to a post) is a comment on news, and a message that names the
   * bot is a question: taking either as news would fill the queue with "congratulations!" and
   * "@GSEF when is the forum?", and leave the question unanswered.
   */
  received(message: MessageFacts): ReceivedDecision {
    if (message.author.kind !== 'person') return { action: 'ignore' };
    if (message.direct) return { action: 'direct-message', authorId: message.author.id };
    if (message.addressesBot) return { action: 'question' };
    if (this.isNewsChannel(message.platform, message.channel) && !message.reply)
      return { action: 'news', authorId: message.author.id };
    return { action: 'ignore' };
  }

  /**
   * Whether a mark by `marker` (a 📰 reaction) counts: a person's does, a bot's is ignored. Asked
   * before `marked`, and before fetching the message marked. The menus ("Send to GSEF
   * newsletter") are used by people only.
   */
  markCounts(marker: Writer): boolean {
    return marker.kind === 'person';
  }

  /**
   * A message that a person, `markerId`, marked as news. The item is its writer's when a person
   * wrote it: their name goes with it, their daily limit counts it, they are told of the decision.
   * A message no person wrote (another bot's, a webhook's feed) is the marker's, who vouches for
   * it and is told. The bot's own messages (answers, editorial notices) and the platform's (joins,
   * pins) are not news, and the marker is told so.
   */
  marked(message: MessageFacts, markerId: string): MarkedDecision {
    switch (message.author.kind) {
      case 'person':
        return { action: 'queue', authorId: message.author.id };
      case 'bot':
      case 'webhook':
        return { action: 'queue', authorId: markerId };
      case 'self':
        return { action: 'refuse', reason: 'news.ownMessage' };
      case 'system':
        return { action: 'refuse', reason: 'news.systemMessage' };
    }
  }

  /**
   * Whether someone belongs to the editorial committee (`newsletter.editors`): by their id where
   * settings name people (Slack, the console), by a role they hold where settings name roles
   * (Discord, in a server: a direct message carries no roles, so nobody moderates from one).
   */
  isEditor(person: Person): boolean {
    if (this.editorIds.get(person.platform)?.has(person.id)) return true;
    const roles = this.editorRoles.get(person.platform);
    return roles !== undefined && (person.roles ?? []).some((role) => roles.has(role));
  }

  /** Whether every post of a channel is news (`newsletter.newsChannels`). */
  private isNewsChannel(platform: PlatformName, channel: string): boolean {
    return this.newsChannels.get(platform)?.has(channel) ?? false;
  }
}
