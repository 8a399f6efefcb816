import { defineCommand, defineSubcommand } from '../src/dispatch/command.js';
import { submitNews } from '../src/news/submit-news.js';
import { reply } from '../src/reply/reply.js';

/**
 * The answer to the Yes / No buttons under a direct message that reads like news
 * (`news confirm <code>`, `news cancel <code>`): the message held under the code is added, or not.
 */
const answer = (add: boolean) =>
  defineSubcommand({
    options: [{ name: 'token', type: 'token', required: true }],
    async handle(ctx, { token }) {
      const news = await ctx.pendingNews.take(token, ctx.asker);
      if (!news) return reply('invalid', ctx.t('news.confirmationExpired'));
      return add ? submitNews(ctx, news) : reply('ok', ctx.t('news.notAdded'));
    },
  });

/** `news <text>`: sends a news item to the newsletter queue, for the editorial committee to review. */
export default defineCommand({
  name: 'news',
  aliases: ['actualite', 'actualité', 'noticia', 'nouvelle'],
  options: [{ name: 'text', type: 'news-text', required: true }],
  permission: 'everyone',
  readOnly: false,
  handle: (ctx, { text }) => submitNews(ctx, { text }),
  hiddenSubcommands: { confirm: answer(true), cancel: answer(false) },
});
