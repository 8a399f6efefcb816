import type { APIInteractionGuildMember, GuildMember, Interaction, User } from 'discord.js';
import type { Asker } from '../../domain/asker.js';
import type { NewsRules } from '../../news/news-rules.js';

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
 * The person behind an interaction, in the channel it was made in, an editor or not as the
 * newsletter's rules say of the roles their member holds in the server (`editors.discordRoles`).
 * An interaction in a DM has no member, hence no roles: nobody is an editor in a DM with the bot
 * (roles belong to a server, and a DM says nothing of which server's committee is meant); editors
 * moderate in the server.
 */
export function interactionAsker(interaction: Interaction, rules: NewsRules): Asker {
  const roles = rolesOf(interaction.member);
  return discordAsker(interaction.user, interaction.locale, {
    isEditor: rules.isEditor({ platform: 'discord', id: interaction.user.id, roles }),
    ...(interaction.channelId ? { origin: { channel: interaction.channelId } } : {}),
  });
}

/** The roles a member holds, from discord.js's cached member or the raw member of an uncached server; none outside a server. */
function rolesOf(member: GuildMember | APIInteractionGuildMember | null): readonly string[] {
  if (!member) return [];
  return Array.isArray(member.roles) ? member.roles : [...member.roles.cache.keys()];
}
