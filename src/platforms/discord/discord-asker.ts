import type { User } from 'discord.js';
import type { Asker } from '../../commands/command.js';

/**
 * The person behind an interaction or a message. `locale` is their Discord client's language,
 * which interactions carry and messages do not. Nobody is an editor on Discord yet: no command
 * needs it, and the editorial committee is not configured per platform.
 */
export function discordAsker(user: User, locale?: string): Asker {
  return { platform: 'discord', id: user.id, displayName: user.globalName ?? user.username, locale, isEditor: false };
}
