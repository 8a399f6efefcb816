import { defineCommand } from '../src/commands/command.js';
import { editorialNotice, submissionReply } from '../src/presenters/news.js';
import { usageReply } from '../src/presenters/usage.js';

/** `news <text>`: sends a news item to the newsletter queue, for the editorial committee to review. */
export default defineCommand({
  name: 'news',
  aliases: ['actualite', 'actualité', 'noticia', 'nouvelle'],
  options: [{ name: 'text', type: 'text', required: true }],
  permission: 'everyone',
  async handle(ctx, argument) {
    if (argument.trim() === '') return usageReply(ctx, 'news');
    const { asker } = ctx;
    const outcome = await ctx.news.submit({
      text: argument,
      author: { platform: asker.platform, userId: asker.id, displayName: asker.displayName ?? asker.id },
      authorLang: ctx.lang,
      source: { platform: asker.platform, ...asker.origin },
    });
    if (outcome.ok) await ctx.outbox.toEditors(editorialNotice(ctx, outcome.item));
    return submissionReply(ctx, outcome);
  },
});
