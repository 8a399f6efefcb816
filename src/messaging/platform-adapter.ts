import type { Asker, PlatformName } from '../domain/asker.js';
import type { Reply } from '../reply/reply.js';

/**
 * Posts a reply, publicly, to a channel. It resolves once the platform has accepted the message
 * and rejects with the platform's error otherwise (rate limit, 5xx, network), so that the caller
 * decides whether and when to try again. The reminders need no more of a platform than this.
 */
export interface ChannelPoster {
  /** `mark` (a reminder's key) is kept with the message where the platform allows, for `wasPosted`. */
  post(channelId: string, reply: Reply, mark?: string): Promise<void>;
  /**
   * Whether this reply (`mark`) is among the channel's recent messages: asked before posting
   * again something an earlier attempt may have posted (the process died, or the platform's
   * answer was lost). A platform that keeps data with a message recognises the post by its mark
   * (Slack's metadata); one that does not, by the bot's own post of the same text (Discord), which
   * is why a mark's reply must be the same on every attempt. Absent where the platform cannot
   * tell (the console).
   */
  wasPosted?(channelId: string, reply: Reply, mark: string): Promise<boolean>;
}

/**
 * One chat platform, running: it listens to people on its own (commands, messages, buttons) and
 * hands what they say to the bot; the core reaches the platform's people and channels only
 * through this. Each platform's folder under src/platforms/ builds one (the console's included),
 * rendering the neutral Reply in its own way.
 */
export interface PlatformAdapter extends ChannelPoster {
  readonly name: PlatformName;
  /**
   * How the bot's own messages to this platform's people (an editor's decision, an item to
   * review) reach them: `queued` in the store's outbox and delivered in the background by
   * whichever process runs the platform, until delivered (Slack, Discord); or `immediate`, given
   * at once, when the people are at this process now or never (the console).
   */
  readonly delivery: 'queued' | 'immediate';
  /** Sends a reply to one person, privately (a direct message). Rejects with the platform's error. */
  sendDirect(personId: string, reply: Reply): Promise<void>;
  /** Who a person is on this platform: their name, language and role, as the core knows people. */
  person(personId: string): Promise<Asker>;
  /** Stops listening and closes the platform's connections; resolves once they are closed. */
  stop(): Promise<void>;
}
