import { defineCommand } from '../src/dispatch/command.js';
import { submitNews } from '../src/news/submit-news.js';
import { usageReply } from '../src/presenters/usage.js';
import { reply } from '../src/reply/reply.js';

/** `news <text>`: sends a news item to the newsletter queue, for the editorial committee to review. */
export default defineCommand({
  name: 'news',
  aliases: ['actualite', 'actualité', 'noticia', 'nouvelle'],
  options: [{ name: 'text', type: 'news-text', required: true }],
  permission: 'everyone',
  readOnly: false,
  async handle(ctx, argument) {
    if (argument.trim() === '') return usageReply(ctx, 'news');
    // The Yes / No buttons under a direct message that read like news.
    const answer = CONFIRMATION.exec(argument.trim());
    if (answer) {
      const news = await ctx.pendingNews.take(answer[2]!, ctx.asker);
      if (!news) return reply('invalid', ctx.t('news.confirmationExpired'));
      return answer[1] === 'confirm' ? submitNews(ctx, news) : reply('ok', ctx.t('news.notAdded'));
    }
    return submitNews(ctx, { text: argument });
  },
});

const CONFIRMATION = /^(confirm|cancel) ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
