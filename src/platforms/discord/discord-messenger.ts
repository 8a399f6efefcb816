import type { Client } from 'discord.js';
import type { PlatformMessenger } from '../outbox.js';
import type { ChannelPoster } from '../running-platform.js';

/**
 * How the newsletter desk reaches people on Discord: an author by DM (`POST /users/@me/channels`
 * opens the DM channel, which discord.js then keeps), the editorial channel by a post with the
 * notice's Approve / Reject buttons. Both go through the poster, which pings nobody. Failures
 * reject, for the Outbox to log.
 */
export function discordMessenger(client: Client, poster: ChannelPoster): PlatformMessenger {
  return {
    async toPerson(userId, reply) {
      const dm = await client.users.createDM(userId);
      await poster.post(dm.id, reply);
    },
    toChannel: (channelId, reply) => poster.post(channelId, reply),
  };
}
