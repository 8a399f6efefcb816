import type { Bot } from '../bot.js';
import type { Asker } from '../domain/asker.js';
import { questionToCommand } from '../dispatch/question-to-command.js';
import { tokenize } from '../domain/search/normalize.js';
import { reply, type Reply } from '../reply/reply.js';
import { truncate } from '../reply/truncate.js';
import { MIN_NEWS_LENGTH } from './news-service.js';
import { shownLength } from './shown-length.js';
import { submitNews, type IncomingNews } from './submit-news.js';

/** "news: …", "actualité : …", "noticia: …" — news, said so, added at once. */
const NEWS_PREFIX = /^\s*(news|actualit[eé]s?|noticias?)\s*:\s*/i;

/** Below this many words, a message is more likely a greeting or a question than news. */
const NEWS_MIN_WORDS = 8;
/** How much of a message the question "add it to the newsletter?" quotes back. */
const DM_PREVIEW_LENGTH = 301;

/**
 * Messages sent to the bot that may be news, on any platform: the platforms hand them over here
 * and render the reply.
 */
export class NewsIntake {
  constructor(private readonly bot: Bot) {}

  /**
   * A message marked as news (a reaction, a shortcut, a news channel), queued at once as its
   * author's; the answer is for `sender`, who marked it.
   */
  async submit(news: IncomingNews, author: Asker, sender: Asker = author): Promise<Reply> {
    const contextOf = async (asker: Asker) => this.bot.context(asker, await this.bot.languageOf(asker));
    const authorContext = await contextOf(author);
    return submitNews(authorContext, news, sender === author ? authorContext : await contextOf(sender));
  }

  /**
   * A direct message: with a news prefix it is queued at once; a question is answered; a text that
   * reads like news gets Yes / No buttons asking whether to add it; anything else a short help.
   */
  async directMessage(news: IncomingNews, asker: Asker): Promise<Reply> {
    const prefix = NEWS_PREFIX.exec(news.text);
    if (prefix) return this.submit({ ...news, text: news.text.slice(prefix[0].length) }, asker);
    if (
      questionToCommand(news.text, this.bot.commands, this.bot.translator) !== undefined ||
      !readsLikeNews(news.text)
    ) {
      return this.bot.answerQuestion(news.text, asker);
    }
    const ctx = this.bot.context(asker, await this.bot.languageOf(asker));
    const token = await ctx.pendingNews.hold(news, asker);
    return {
      ...reply('ok', ctx.t('news.askToAdd'), [{ type: 'text', text: truncate(news.text, DM_PREVIEW_LENGTH) }]),
      actions: [
        { label: ctx.t('news.addButton'), command: `news confirm ${token}`, style: 'primary' },
        { label: ctx.t('news.dontAddButton'), command: `news cancel ${token}` },
      ],
    };
  }
}

/** Long enough, several words, and not a question. */
export function readsLikeNews(text: string): boolean {
  const trimmed = text.trim();
  return (
    shownLength(trimmed) >= MIN_NEWS_LENGTH && tokenize(trimmed).length >= NEWS_MIN_WORDS && !/[?？]\s*$/.test(trimmed)
  );
}
