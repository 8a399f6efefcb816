import { Routes, type REST } from 'discord.js';
import type { Lang } from '../../domain/vocabulary.js';
import type { Translator } from '../../i18n/translator.js';
import { renderDiscord } from '../../reply/render-discord.js';
import type { Reply } from '../../reply/reply.js';
import type { ChannelPoster } from '../running-platform.js';

/**
 * Posts replies to Discord channels through the REST API (`POST /channels/{id}/messages`), with
 * their actions as buttons (the editorial notice's Approve / Reject) and never a ping.
 * discord.js's REST client waits out rate limits (429) and retries server errors a few times;
 * what still fails rejects, for the caller to decide. The "more" hint is in `lang`, the
 * default language: a channel has no single reader.
 */
export function discordPoster(rest: REST, translator: Translator, lang: Lang): ChannelPoster {
  return {
    async post(channelId: string, reply: Reply): Promise<void> {
      const message = renderDiscord(reply, (hidden) => translator.t(lang, 'discord.more', { count: hidden }));
      await rest.post(Routes.channelMessages(channelId), {
        body: {
          ...(message.content === undefined ? {} : { content: message.content }),
          embeds: message.embeds,
          ...(message.components.length > 0 ? { components: message.components } : {}),
          allowed_mentions: { parse: [] },
          ...(message.files.length > 0 ? { attachments: message.files.map((f, id) => ({ id, filename: f.name })) } : {}),
        },
        files: message.files.map((f) => ({ name: f.name, contentType: f.contentType, data: Buffer.from(f.data, 'utf8') })),
      });
    },
  };
}
