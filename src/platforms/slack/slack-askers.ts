import type { webApi } from '@slack/bolt';
import type { Asker } from '../../domain/asker.js';
import { BoundedMap } from '../../bounded-map.js';
import type { Logger } from '../../logger.js';
import { ianaZone } from '../../domain/time-zone.js';

/** How long a user's Slack locale and name are trusted: people rarely change them, and a lookup per command costs two thirds of the throughput. */
export const LOCALE_TTL_MS = 60 * 60 * 1000;
/** After a failed lookup (Slack down, scope missing), answer in the default language a while instead of asking again at every command. */
export const FAILED_LOOKUP_TTL_MS = 5 * 60 * 1000;
/** A bound on memory, whoever sends commands: the least recently seen users go first. */
export const MAX_CACHED_USERS = 10_000;

/** What users.info says of a user that the bot uses. */
interface Profile {
  locale?: string | undefined;
  /** The IANA zone of the person's Slack profile (`tz`), when it is one the bot knows. */
  timeZone?: string | undefined;
  /** The name people see in Slack: the display name, else the full name, else the handle. */
  name?: string | undefined;
  /** An app's bot user, not a person. */
  isBot?: boolean;
}

interface Entry {
  profile: Promise<Profile>;
  /** Infinity while the lookup runs, so that concurrent commands share it. */
  expiresAt: number;
}

export interface SlackAskersOptions {
  /** Whether a Slack user belongs to the editorial committee (NewsRules.isEditor); nobody by default. */
  isEditor?: (userId: string) => boolean;
  /** Tests move time. */
  now?: () => number;
  ttlMs?: number;
  /** Tests flood a small cache. */
  maxCachedUsers?: number;
}

/**
 * Who asks, as the bot sees a Slack user: their id, their name, their Slack locale (`fr-FR`),
 * which `Bot.answer` uses when they have not chosen a language with `lang`, their profile's time
 * zone, which times are written in when they have not chosen one with `tz`, whether they are one
 * of the newsletter's editors, and whether they are a bot. Slack payloads carry no locale, so it
 * comes from `users.info`, cached per user.
 */
export class SlackAskers {
  private readonly entries: BoundedMap<string, Entry>;
  private readonly isEditor: (userId: string) => boolean;
  private readonly now: () => number;
  private readonly ttlMs: number;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    options: SlackAskersOptions = {},
  ) {
    this.isEditor = options.isEditor ?? (() => false);
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? LOCALE_TTL_MS;
    this.entries = new BoundedMap(options.maxCachedUsers ?? MAX_CACHED_USERS);
  }

  /** The asker for a Slack user; `displayName` when the payload gives one, else their Slack name; `origin` where they asked. */
  async asker(userId: string, displayName?: string, origin?: Asker['origin']): Promise<Asker> {
    const { locale, timeZone, name } = await this.profileOf(userId);
    const shownName = displayName || name;
    return {
      platform: 'slack',
      id: userId,
      ...(shownName ? { displayName: shownName } : {}),
      ...(locale ? { locale } : {}),
      ...(timeZone ? { timeZone } : {}),
      isEditor: this.isEditor(userId),
      ...(origin ? { origin } : {}),
    };
  }

  /** Whether a Slack user is an app's bot user (from the same cached users.info); a failed lookup says no. */
  async isBot(userId: string): Promise<boolean> {
    return (await this.profileOf(userId)).isBot === true;
  }

  /** The user's Slack locale, zone and name, as far as Slack would say. Never rejects. */
  private profileOf(userId: string): Promise<Profile> {
    const cached = this.entries.get(userId);
    if (cached && cached.expiresAt > this.now()) return cached.profile;
    this.entries.delete(userId);
    const entry: Entry = { profile: Promise.resolve({}), expiresAt: Infinity };
    entry.profile = this.lookUp(userId).then(
      (profile) => {
        entry.expiresAt = this.now() + this.ttlMs;
        return profile;
      },
      (error: unknown) => {
        this.logger.warn(
          'could not read the Slack locale of a user; answering in their saved or the default language',
          { userId, error },
        );
        entry.expiresAt = this.now() + Math.min(this.ttlMs, FAILED_LOOKUP_TTL_MS);
        return {};
      },
    );
    this.entries.set(userId, entry);
    return entry.profile;
  }

  private async lookUp(userId: string): Promise<Profile> {
    const { user } = await this.client.users.info({ user: userId, include_locale: true });
    return {
      locale: user?.locale || undefined,
      timeZone: user?.tz ? ianaZone(user.tz) : undefined,
      name: user?.profile?.display_name || user?.real_name || user?.name || undefined,
      isBot: user?.is_bot === true,
    };
  }
}
