import { createHash } from 'node:crypto';
import { Routes, type REST } from 'discord.js';
import { z } from 'zod';
import type { Lang } from '../../domain/vocabulary.js';
import type { Translator } from '../../i18n/translator.js';
import { renderDiscord } from './render-discord.js';
import type { Reply } from '../../reply/reply.js';
import type { ChannelPoster } from '../../messaging/platform-adapter.js';

/** How many of a channel's latest messages wasPosted reads (Discord's most for one request). */
const RECENT_MESSAGES = 100;

/** What wasPosted needs of a message Discord lists. */
const listedMessages = z.array(z.object({ author: z.object({ id: z.string() }), content: z.string().default('') }));

/**
 * Posts replies to Discord channels through the REST API (`POST /channels/{id}/messages`), with
 * their actions as buttons (the editorial notice's Approve / Reject) and never a ping.
 * discord.js's REST client waits out rate limits (429) and retries server errors a few times;
 * what still fails rejects, for the caller to decide. The "more" hint is in `lang`, the
 * default language: a channel has no single reader. `selfId` is the bot's own user.
 */
export function discordPoster(rest: REST, translator: Translator, lang: Lang, selfId: string): Required<ChannelPoster> {
  const render = (reply: Reply) =>
    renderDiscord(reply, (hidden) => translator.t(lang, 'discord.more', { count: hidden }));
  return {
    async post(channelId: string, reply: Reply, mark?: string): Promise<void> {
      const message = render(reply);
      await rest.post(Routes.channelMessages(channelId), {
        body: {
          // On every attempt of a marked post, the library's own retries of a 5xx included (they do
          // not look first): Discord answers a nonce it saw minutes ago with the message it made.
          ...(mark ? { nonce: nonceOf(mark), enforce_nonce: true } : {}),
          ...(message.content === undefined ? {} : { content: message.content }),
          embeds: message.embeds,
          ...(message.components.length > 0 ? { components: message.components } : {}),
          allowed_mentions: { parse: [] },
          ...(message.files.length > 0
            ? { attachments: message.files.map((f, id) => ({ id, filename: f.name })) }
            : {}),
        },
        files: message.files.map((f) => ({
          name: f.name,
          contentType: f.contentType,
          data: Buffer.from(f.data, 'utf8'),
        })),
      });
    },

    /**
     * Discord keeps no hidden data with a message: a reminder is recognised by its author (the bot)
     * and its text line, the reminder's title, which names the meeting, the quarter and the offset.
     */
    async wasPosted(channelId: string, reply: Reply): Promise<boolean> {
      const listed = listedMessages.parse(
        await rest.get(Routes.channelMessages(channelId), {
          query: new URLSearchParams({ limit: String(RECENT_MESSAGES) }),
        }),
      );
      const content = render(reply).content;
      return content !== undefined && listed.some((m) => m.author.id === selfId && m.content === content);
    },
  };
}

/** Discord's nonce holds at most 25 characters; a reminder's key is longer. */
function nonceOf(mark: string): string {
  return createHash('sha256').update(mark).digest('base64url').slice(0, 25);
}
