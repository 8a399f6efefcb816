import type { APIInteractionGuildMember, GuildMember, Interaction, User } from 'discord.js';
import type { NewsletterSettings } from '../../catalog/schema.js';
import type { Asker } from '../../domain/asker.js';

/**
 * The person behind an interaction or a message. `locale` is their Discord client's language,
 * which interactions carry and messages do not. Nobody is an editor unless `more` says so.
 */
export function discordAsker(
  user: User,
  locale?: string,
  more: { isEditor?: boolean; origin?: Asker['origin'] } = {},
): Asker {
  return {
    platform: 'discord',
    id: user.id,
    displayName: user.globalName ?? user.username,
    locale,
    isEditor: more.isEditor ?? false,
    ...(more.origin ? { origin: more.origin } : {}),
  };
}

/**
 * The person behind an interaction, in the channel it was made in. They are an editor when their
 * member in the server holds one of `editors.discordRoles`. An interaction in a DM has no member,
 * hence no roles: nobody is an editor in a DM with the bot (roles belong to a server, and a DM
 * says nothing of which server's committee is meant); editors moderate in the server.
 */
export function interactionAsker(interaction: Interaction, settings: NewsletterSettings): Asker {
  return discordAsker(interaction.user, interaction.locale, {
    isEditor: holdsRole(interaction.member, settings.editors.discordRoles),
    ...(interaction.channelId ? { origin: { channel: interaction.channelId } } : {}),
  });
}

/** Whether a member holds one of `roles`, from discord.js's cached member or the raw member of an uncached server. */
export function holdsRole(member: GuildMember | APIInteractionGuildMember | null, roles: readonly string[]): boolean {
  if (!member || roles.length === 0) return false;
  const held: readonly string[] = Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
  return roles.some((role) => held.includes(role));
}
