import type { Asker } from '../domain/asker.js';
import { tokenize } from '../domain/search/normalize.js';
import type { Lang } from '../domain/vocabulary.js';
import { reply, type Reply } from '../reply/reply.js';
import { truncate } from '../reply/truncate.js';
import { MIN_NEWS_LENGTH } from './news-service.js';
import { shownLength } from './shown-length.js';
import { submitNews, type IncomingNews, type SubmitContext } from './submit-news.js';

/** "news: …", "actualité : …", "noticia: …" — news, said so, added at once. */
const NEWS_PREFIX = /^\s*(news|actualit[eé]s?|noticias?)\s*:\s*/i;

/** Below this many words, a message is more likely a greeting or a question than news. */
const NEWS_MIN_WORDS = 8;
/** How much of a message the question "add it to the newsletter?" quotes back. */
const DM_PREVIEW_LENGTH = 301;

/** What the intake needs of the conversation around it. */
export interface IntakeCollaborators {
  /** The language a person is answered in: their choice, else their platform's locale, else the default. */
  languageOf(asker: Asker): Promise<Lang>;
  /** Answers a question put to the bot as the matching command would (a short help when none does). */
  answerQuestion(text: string, asker: Asker): Promise<Reply>;
  /** Whether a command answers `text` (a question in other words): then it is answered, not offered as news. */
  isQuestion(text: string): boolean;
  /** What a submission by `asker` runs in, in `lang` (see SubmitContext). */
  contextOf(asker: Asker, lang: Lang): SubmitContext;
}

/**
 * Messages sent to the bot that may be news, on any platform: the platforms hand them over here
 * and render the reply.
 */
export class NewsIntake {
  constructor(private readonly conversation: IntakeCollaborators) {}

  /**
   * A message marked as news (a reaction, a shortcut, a news channel), queued at once as its
   * author's; the answer is for `sender`, who marked it.
   */
  async submit(news: IncomingNews, author: Asker, sender: Asker = author): Promise<Reply> {
    const authorContext = await this.contextOf(author);
    return submitNews(authorContext, news, sender === author ? authorContext : await this.contextOf(sender));
  }

  /**
   * A direct message: with a news prefix it is queued at once; a question is answered; a text that
   * reads like news gets Yes / No buttons asking whether to add it; anything else a short help.
   */
  async directMessage(news: IncomingNews, asker: Asker): Promise<Reply> {
    const prefix = NEWS_PREFIX.exec(news.text);
    if (prefix) return this.submit({ ...news, text: news.text.slice(prefix[0].length) }, asker);
    if (this.conversation.isQuestion(news.text) || !readsLikeNews(news.text)) {
      return this.conversation.answerQuestion(news.text, asker);
    }
    const ctx = await this.contextOf(asker);
    const token = await ctx.pendingNews.hold(news, asker);
    return {
      ...reply('ok', ctx.t('news.askToAdd'), [{ type: 'text', text: truncate(news.text, DM_PREVIEW_LENGTH) }]),
      actions: [
        { label: ctx.t('news.addButton'), command: `news confirm ${token}`, style: 'primary' },
        { label: ctx.t('news.dontAddButton'), command: `news cancel ${token}` },
      ],
    };
  }

  private async contextOf(asker: Asker): Promise<SubmitContext> {
    return this.conversation.contextOf(asker, await this.conversation.languageOf(asker));
  }
}

/** Long enough, several words, and not a question. */
export function readsLikeNews(text: string): boolean {
  const trimmed = text.trim();
  return (
    shownLength(trimmed) >= MIN_NEWS_LENGTH && tokenize(trimmed).length >= NEWS_MIN_WORDS && !/[?？]\s*$/.test(trimmed)
  );
}
