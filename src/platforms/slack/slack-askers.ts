import type { webApi } from '@slack/bolt';
import type { Asker } from '../../commands/command.js';
import type { Logger } from '../../logger.js';

/** How long a user's Slack locale is trusted: people rarely change it, and a lookup per command costs two thirds of the throughput. */
export const LOCALE_TTL_MS = 60 * 60 * 1000;
/** After a failed lookup (Slack down, scope missing), answer in the default language a while instead of asking again at every command. */
export const FAILED_LOOKUP_TTL_MS = 5 * 60 * 1000;
/** A bound on memory: the oldest entries go first. */
export const MAX_CACHED_USERS = 10_000;

interface Entry {
  locale: Promise<string | undefined>;
  /** Infinity while the lookup runs, so that concurrent commands share it. */
  expiresAt: number;
}

/**
 * Who asks, as the bot sees a Slack user: their id and their Slack locale (`fr-FR`), which
 * `Bot.answer` uses when they have not chosen a language with `lang`. Slack payloads carry no
 * locale, so it comes from `users.info`, cached per user.
 */
export class SlackAskers {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
    private readonly ttlMs = LOCALE_TTL_MS,
  ) {}

  async asker(userId: string, displayName?: string): Promise<Asker> {
    const locale = await this.localeOf(userId);
    // Editors are not configured for Slack yet: no Slack user may run editor-only commands.
    return { platform: 'slack', id: userId, ...(displayName ? { displayName } : {}), ...(locale ? { locale } : {}), isEditor: false };
  }

  /** The user's Slack locale, or undefined when Slack would not say. Never rejects. */
  localeOf(userId: string): Promise<string | undefined> {
    const cached = this.entries.get(userId);
    if (cached && cached.expiresAt > this.now()) return cached.locale;
    this.entries.delete(userId);
    const entry: Entry = { locale: Promise.resolve(undefined), expiresAt: Infinity };
    entry.locale = this.lookUp(userId).then(
      (locale) => {
        entry.expiresAt = this.now() + this.ttlMs;
        return locale;
      },
      (error: unknown) => {
        this.logger.warn('could not read the Slack locale of a user; answering in their saved or the default language', { userId, error });
        entry.expiresAt = this.now() + Math.min(this.ttlMs, FAILED_LOOKUP_TTL_MS);
        return undefined;
      },
    );
    this.entries.set(userId, entry);
    if (this.entries.size > MAX_CACHED_USERS) this.entries.delete(this.entries.keys().next().value!);
    return entry.locale;
  }

  private async lookUp(userId: string): Promise<string | undefined> {
    const result = await this.client.users.info({ user: userId, include_locale: true });
    return result.user?.locale || undefined;
  }
}
