import type { Reply } from '../reply/reply.js';

/** A chat platform connection started by `npm start`, stopped cleanly on SIGINT / SIGTERM. */
export interface RunningPlatform {
  readonly name: 'slack' | 'discord';
  /** Posts to a channel without anyone asking (reminders, editorial notices). */
  readonly poster: ChannelPoster;
  stop(): Promise<void>;
}

/**
 * Posts a reply, publicly, to a channel of the platform. It resolves once the platform has
 * accepted the message and rejects with the platform's error otherwise (rate limit, 5xx, network),
 * so that the caller decides whether and when to try again.
 */
export interface ChannelPoster {
  /** `mark` (a reminder's key) is kept with the message where the platform allows, for `wasPosted`. */
  post(channelId: string, reply: Reply, mark?: string): Promise<void>;
  /**
   * Whether this reply (`mark`) is among the channel's recent messages: asked before posting
   * again something an earlier attempt may have posted (the process died, or the platform's
   * answer was lost). Absent where the platform cannot tell (the console).
   */
  wasPosted?(channelId: string, reply: Reply, mark: string): Promise<boolean>;
}
