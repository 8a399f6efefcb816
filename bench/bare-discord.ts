/**
 * The baseline of the Discord path: a bare discord.js client, same version and the same gateway
 * intents as the bot (without news channels or 📰 reactions), that answers every interaction
 * with a constant message. Talks to DISCORD_API_URL, as the bot does.
 *
 * The constant is "ok", or with BENCH_DISCORD_ANSWER (the `data` of an interaction callback, as
 * the API has it) that message: the benchmark gives it the bot's own answer, so that this client
 * sends a message of the same shape and size as the bot's, through discord.js as the bot does.
 */
import {
  Client,
  GatewayIntentBits,
  type APIInteractionResponseCallbackData,
  type InteractionReplyOptions,
  type JSONEncodable,
} from 'discord.js';

const client = new Client({
  intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
  rest: { api: `${process.env.DISCORD_API_URL}/api` },
});
const answer = process.env.BENCH_DISCORD_ANSWER === undefined ? 'ok' : replayed(process.env.BENCH_DISCORD_ANSWER);
client.on('interactionCreate', (interaction) => {
  if (interaction.isRepliable()) interaction.reply(answer).catch((error: unknown) => console.error(error));
});
await client.login(process.env.DISCORD_TOKEN);

/**
 * The message options that make discord.js send `json` again. Embeds and components go as they
 * are (JSONEncodable), as the bot gives its embeds; an empty `attachments` is what `files: []` sends.
 */
function replayed(json: string): InteractionReplyOptions {
  const data = JSON.parse(json) as APIInteractionResponseCallbackData;
  if (data.attachments && data.attachments.length > 0) throw new Error('BENCH_DISCORD_ANSWER: files are not replayed');
  const asIs = <T>(value: T): JSONEncodable<T> => ({ toJSON: () => value });
  return {
    ...(data.content === undefined ? {} : { content: data.content }),
    ...(data.embeds ? { embeds: data.embeds.map(asIs) } : {}),
    ...(data.components ? { components: data.components.map(asIs) } : {}),
    // The flags of a message the bot sent as a reply are flags a reply may carry (Ephemeral).
    ...(data.flags === undefined ? {} : { flags: data.flags as InteractionReplyOptions['flags'] }),
    ...(data.allowed_mentions
      ? { allowedMentions: { parse: data.allowed_mentions.parse, repliedUser: data.allowed_mentions.replied_user } }
      : {}),
    ...(data.attachments ? { files: [] } : {}),
  };
}
