import type { Message } from 'discord.js';
import type { IncomingNews } from '../../news/submit-news.js';
import { withoutBotMention } from './without-mention.js';

/**
 * A Discord message as news: its text as written, lines and paragraphs kept (without a mention of
 * the bot), the links of its files, and where it is, so that the queue refuses the same message
 * twice and editors can open it (`https://discord.com/channels/<server or @me>/<channel>/<message>`).
 */
export function newsOf(message: Message): IncomingNews {
  return {
    text: withoutBotMention(message.content, message.client.user.id),
    attachments: [...message.attachments.values()].map((a) => a.url),
    origin: { channel: message.channelId, messageId: message.id, permalink: message.url },
  };
}
