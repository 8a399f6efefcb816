import type { LoopbackContent } from './render-loopback.js';

/** Who wrote the bot's messages. */
export const BOT = 'bot';

/** A message on the loopback platform. */
export interface LoopbackMessage extends LoopbackContent {
  readonly id: string;
  /** A person's id, or BOT. */
  readonly from: string;
  /** The mark the bot posted it with (a reminder's key), which `wasPosted` looks for. */
  readonly mark?: string;
}

/** A person as the platform's directory describes them. */
export interface LoopbackProfile {
  name?: string;
  /** Their locale, such as `fr-FR`. */
  locale?: string;
}

/**
 * The loopback platform itself, in this process's memory: its people, its channels, and each
 * person's direct conversation with the bot, all kept, in order, for anyone to read back.
 */
export class LoopbackSpace {
  private readonly profiles = new Map<string, LoopbackProfile>();
  private readonly channels = new Map<string, LoopbackMessage[]>();
  private readonly directs = new Map<string, LoopbackMessage[]>();
  private sequence = 0;

  /** Adds a person to the directory, or changes their profile. */
  join(personId: string, profile: LoopbackProfile = {}): void {
    this.profiles.set(personId, profile);
  }

  profile(personId: string): LoopbackProfile {
    return this.profiles.get(personId) ?? {};
  }

  /** Adds a message to a channel; returns it. */
  postIn(channel: string, from: string, content: LoopbackContent, mark?: string): LoopbackMessage {
    return add(this.channels, channel, this.message(from, content, mark));
  }

  /** Adds a message to the direct conversation between a person and the bot; returns it. */
  sayDirectly(personId: string, from: string, content: LoopbackContent): LoopbackMessage {
    return add(this.directs, personId, this.message(from, content));
  }

  /** A channel's messages, oldest first. */
  channel(channel: string): readonly LoopbackMessage[] {
    return this.channels.get(channel) ?? [];
  }

  /** A person's direct conversation with the bot, both sides, oldest first. */
  direct(personId: string): readonly LoopbackMessage[] {
    return this.directs.get(personId) ?? [];
  }

  private message(from: string, content: LoopbackContent, mark?: string): LoopbackMessage {
    return { id: `m${++this.sequence}`, from, ...content, ...(mark === undefined ? {} : { mark }) };
  }
}

function add(place: Map<string, LoopbackMessage[]>, key: string, message: LoopbackMessage): LoopbackMessage {
  place.set(key, [...(place.get(key) ?? []), message]);
  return message;
}
