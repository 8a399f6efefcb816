import { APPLICATION_ID, BOT_USER, CHANNEL_ID, GUILD_ID, type FakeDiscord } from './fake-discord.js';

/** Gateway payloads shaped as Discord sends them (with the fields discord.js insists on). */

export const PERSON = {
  id: '500000000000000005',
  username: 'ana',
  discriminator: '0',
  global_name: 'Ana',
  avatar: null,
};
export const DM_CHANNEL_ID = '600000000000000006';

export type Person = typeof PERSON & { bot?: boolean };

function memberOf(user: Person, roles: readonly string[] = []) {
  return {
    user,
    roles,
    joined_at: '2019-01-01T00:00:00.000Z',
    deaf: false,
    mute: false,
    flags: 0,
    permissions: '2248473465835073',
  };
}

export interface OptionValue {
  name: string;
  value: string;
  focused?: boolean;
}

/** Who makes an interaction, and where: a member of the server with roles, or a person in their DM with the bot. */
export interface Actor {
  user?: Person;
  roles?: readonly string[];
  dm?: boolean;
  locale?: string;
}

/** Dispatches an INTERACTION_CREATE; returns its id and token, which its answer uses. */
function sendInteraction(
  fake: FakeDiscord,
  type: number,
  data: unknown,
  actor: Actor,
  extra: Record<string, unknown> = {},
): { id: string; token: string } {
  const id = fake.newId();
  const token = `token-${id}`;
  const user = actor.user ?? PERSON;
  const where = actor.dm
    ? {
        channel_id: DM_CHANNEL_ID,
        channel: { id: DM_CHANNEL_ID, type: 1 },
        user,
        context: 1,
        authorizing_integration_owners: { '0': GUILD_ID },
      }
    : {
        guild_id: GUILD_ID,
        guild_locale: 'en-US',
        channel_id: CHANNEL_ID,
        channel: { id: CHANNEL_ID, type: 0, name: 'general', guild_id: GUILD_ID },
        member: memberOf(user, actor.roles),
        context: 0,
        authorizing_integration_owners: { '0': GUILD_ID },
      };
  fake.dispatch('INTERACTION_CREATE', {
    id,
    application_id: APPLICATION_ID,
    type,
    token,
    version: 1,
    locale: actor.locale ?? 'en-US',
    ...where,
    app_permissions: '2248473465835073',
    entitlements: [],
    data,
    ...extra,
  });
  return { id, token };
}

/**
 * `/gsef <subcommand> [options]` as an INTERACTION_CREATE (type 2, or 4 for autocomplete),
 * dispatched on the fake gateway. Returns the interaction's id and token, which its answer uses.
 */
export function sendCommand(
  fake: FakeDiscord,
  subcommand: string | undefined,
  options: OptionValue[] = [],
  extra: Actor & { type?: 2 | 4; data?: unknown } = {},
): { id: string; token: string } {
  const data =
    'data' in extra
      ? extra.data
      : {
          id: '700000000000000007',
          name: 'gsef',
          type: 1,
          options:
            subcommand === undefined
              ? []
              : [{ name: subcommand, type: 1, options: options.map((o) => ({ type: 3, ...o })) }],
        };
  return sendInteraction(fake, extra.type ?? 2, data, extra);
}

/** A press on a button (type 3, MESSAGE_COMPONENT) with `customId`, on `message` (one the bot posted). */
export function sendButton(
  fake: FakeDiscord,
  customId: string,
  message: Record<string, unknown>,
  actor: Actor = {},
): { id: string; token: string } {
  return sendInteraction(fake, 3, { custom_id: customId, component_type: 2 }, actor, { message });
}

/** "Send to GSEF newsletter" chosen in the Apps menu of `target` (type 2, data type 3, the message resolved). */
export function sendMessageCommand(
  fake: FakeDiscord,
  name: string,
  target: Record<string, unknown>,
  actor: Actor = {},
): { id: string; token: string } {
  const id = String(target.id);
  return sendInteraction(
    fake,
    2,
    { id: '700000000000000008', name, type: 3, target_id: id, resolved: { messages: { [id]: target } } },
    actor,
  );
}

/**
 * A message as Discord describes it: in the server's `channel` (the general one by default), or a
 * DM; `replyTo` makes it a reply to that message of the channel (type 19), `type` another kind
 * (7 someone joined, 6 a pin: Discord's own), `webhookId` a webhook's post.
 */
export function messageData(
  content: string,
  where: {
    dm?: boolean;
    channel?: string;
    mentionsBot?: boolean;
    author?: Person;
    attachments?: { filename: string; url: string }[];
    replyTo?: string;
    type?: number;
    webhookId?: string;
  } = {},
): Record<string, unknown> {
  const id = String(BigInt('910000000000000000') + BigInt(++messageCount));
  const author = where.author ?? PERSON;
  const common = {
    id,
    author,
    content,
    mentions: where.mentionsBot ? [BOT_USER] : [],
    mention_roles: [],
    mention_everyone: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    pinned: false,
    attachments: (where.attachments ?? []).map((a, i) => ({
      id: `${id}${i}`,
      filename: a.filename,
      size: 1000,
      url: a.url,
      proxy_url: a.url,
    })),
    embeds: [],
    components: [],
    type: where.type ?? (where.replyTo ? 19 : 0),
    flags: 0,
    ...(where.webhookId ? { webhook_id: where.webhookId } : {}),
  };
  if (where.dm) return { ...common, channel_id: DM_CHANNEL_ID, channel_type: 1 };
  const channel = where.channel ?? CHANNEL_ID;
  return {
    ...common,
    channel_id: channel,
    guild_id: GUILD_ID,
    ...(where.webhookId ? {} : { member: { ...memberOf(author), user: undefined } }),
    ...(where.replyTo
      ? { message_reference: { type: 0, message_id: where.replyTo, channel_id: channel, guild_id: GUILD_ID } }
      : {}),
  };
}
let messageCount = 0;

/** A message in a channel of the server (`mentionsBot`: with `<@bot>` in it), or a DM (channel_type 1). Returns its id. */
export function sendMessage(fake: FakeDiscord, content: string, where: Parameters<typeof messageData>[1] = {}): string {
  const message = messageData(content, where);
  fake.dispatch('MESSAGE_CREATE', message);
  return String(message.id);
}

/** `user` adds `emoji` to a message of the server's channel (MESSAGE_REACTION_ADD). */
export function sendReaction(fake: FakeDiscord, message: Record<string, unknown>, user: Person, emoji = '📰'): void {
  fake.dispatch('MESSAGE_REACTION_ADD', {
    user_id: user.id,
    channel_id: message.channel_id,
    message_id: message.id,
    guild_id: GUILD_ID,
    member: memberOf(user),
    emoji: { id: null, name: emoji },
    burst: false,
    type: 0,
    message_author_id: (message.author as Person).id,
  });
}
