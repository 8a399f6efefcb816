/**
 * The baseline of the Discord path: a bare discord.js client, same version and the same gateway
 * intents as the bot (without news channels or 📰 reactions), that answers every interaction
 * with a constant message. Talks to DISCORD_API_URL, as the bot does.
 */
import { Client, GatewayIntentBits } from 'discord.js';

const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
  rest: { api: `${process.env.DISCORD_API_URL}/api` },
});
client.on('interactionCreate', (interaction) => {
  if (interaction.isRepliable()) interaction.reply('ok').catch((error: unknown) => console.error(error));
});
await client.login(process.env.DISCORD_TOKEN);
