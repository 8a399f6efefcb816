import { MessageType, type Message } from 'discord.js';
import type { MessageFacts, WriterKind } from '../../news/news-rules.js';

/**
 * A Discord message as the newsletter's rules read it. A reply to another message (Discord's
 * `Reply` type, with a reference to the message it answers) is a reply; a thread is a channel of
 * its own (its id is not its parent's), so a message in a thread is never in the news channel it
 * hangs from. The bot is addressed when it is mentioned by name: a reply to one of its messages
 * lists it among the mentions without naming it, and that is not a question.
 */
export function discordMessageFacts(message: Message): MessageFacts {
  return {
    platform: 'discord',
    author: { id: message.author.id, kind: writerKind(message) },
    channel: message.channelId,
    direct: !message.inGuild(),
    reply: message.type === MessageType.Reply,
    addressesBot: message.mentions.has(message.client.user.id, {
      ignoreEveryone: true,
      ignoreRoles: true,
      ignoreRepliedUser: true,
    }),
  };
}

function writerKind(message: Message): WriterKind {
  if (message.author.id === message.client.user.id) return 'self';
  if (message.system) return 'system';
  if (message.webhookId !== null) return 'webhook';
  return message.author.bot ? 'bot' : 'person';
}
