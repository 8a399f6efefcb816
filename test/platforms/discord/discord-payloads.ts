import { APPLICATION_ID, BOT_USER, CHANNEL_ID, GUILD_ID, type FakeDiscord } from './fake-discord.js';

/** Gateway payloads shaped as Discord sends them (with the fields discord.js insists on). */

export const PERSON = { id: '500000000000000005', username: 'ana', discriminator: '0', global_name: 'Ana', avatar: null };
export const DM_CHANNEL_ID = '600000000000000006';

const member = { user: PERSON, roles: [], joined_at: '2019-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0, permissions: '2248473465835073' };

export interface OptionValue {
  name: string;
  value: string;
  focused?: boolean;
}

/**
 * `/gsef <subcommand> [options]` as an INTERACTION_CREATE (type 2, or 4 for autocomplete),
 * dispatched on the fake gateway. Returns the interaction's id and token, which its answer uses.
 */
export function sendCommand(fake: FakeDiscord, subcommand: string | undefined, options: OptionValue[] = [], extra: { locale?: string; type?: 2 | 4; data?: unknown } = {}): { id: string; token: string } {
  const id = fake.newId();
  const token = `token-${id}`;
  const data =
    'data' in extra
      ? extra.data
      : {
          id: '700000000000000007',
          name: 'gsef',
          type: 1,
          options: subcommand === undefined ? [] : [{ name: subcommand, type: 1, options: options.map((o) => ({ type: 3, ...o })) }],
        };
  fake.dispatch('INTERACTION_CREATE', {
    id,
    application_id: APPLICATION_ID,
    type: extra.type ?? 2,
    token,
    version: 1,
    locale: extra.locale ?? 'en-US',
    guild_locale: 'en-US',
    guild_id: GUILD_ID,
    channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, name: 'general', guild_id: GUILD_ID },
    member,
    app_permissions: '2248473465835073',
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
    data,
  });
  return { id, token };
}

/** A message in the server's channel (`mentionsBot`: with `<@bot>` in it), or a DM (channel_type 1). */
export function sendMessage(fake: FakeDiscord, content: string, where: { dm?: boolean; mentionsBot?: boolean; author?: typeof PERSON & { bot?: boolean } } = {}): string {
  const id = fake.newId();
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
    attachments: [],
    embeds: [],
    components: [],
    type: 0,
    flags: 0,
  };
  if (where.dm) fake.dispatch('MESSAGE_CREATE', { ...common, channel_id: DM_CHANNEL_ID, channel_type: 1 });
  else fake.dispatch('MESSAGE_CREATE', { ...common, channel_id: CHANNEL_ID, guild_id: GUILD_ID, member: { ...member, user: undefined } });
  return id;
}
