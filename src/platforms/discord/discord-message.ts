import type { AttachmentPayload, BaseMessageOptions, JSONEncodable } from 'discord.js';
import type { Bot } from '../../bot.js';
import type { Lang } from '../../domain/vocabulary.js';
import { renderDiscord } from './render-discord.js';
import type { Reply } from '../../reply/reply.js';
import { renderedOnce } from '../../reply/rendered-once.js';

/** Nobody is pinged by an answer, even if a name in it looks like a mention. */
export const NO_MENTIONS = { parse: [], repliedUser: false } as const;

type DiscordMessage = BaseMessageOptions & { content?: string };

/** The message of an answer given again (the bot's answer cache), rendered the first time only. */
const rendered = renderedOnce<DiscordMessage>();

/** A reply as discord.js message options (embeds, files, buttons), its "more" hint in `lang`. */
export function discordMessage(bot: Bot, reply: Reply, lang: Lang): DiscordMessage {
  // A file goes as a buffer made for its message: a reply with one is rendered each time.
  return reply.attachment ? render(bot, reply, lang) : rendered(reply, lang, () => render(bot, reply, lang));
}

function render(bot: Bot, reply: Reply, lang: Lang): DiscordMessage {
  const message = renderDiscord(reply, (hidden) => bot.t(lang, 'discord.more', { count: hidden }));
  const files: AttachmentPayload[] = message.files.map((f) => ({
    attachment: Buffer.from(f.data, 'utf8'),
    name: f.name,
  }));
  return {
    ...(message.content === undefined ? {} : { content: message.content }),
    embeds: message.embeds.map(asIs),
    files,
    ...(message.components.length > 0 ? { components: message.components } : {}),
    allowedMentions: NO_MENTIONS,
  };
}

/**
 * Embeds rendered in the API's own shape, for discord.js to send as they are: given as plain
 * objects, it would rename every key of every one to snake case (its jsonTransformer) again, about
 * 10 µs for an answer of three embeds. (Buttons still go through discord.js's builders, which check them.)
 */
function asIs<T>(data: T): JSONEncodable<T> {
  return { toJSON: () => data };
}
