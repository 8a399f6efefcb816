import type { Asker } from '../domain/asker.js';
import type { Lang } from '../domain/vocabulary.js';
import { editorialNotice, submissionReply } from '../presenters/news.js';
import type { PresenterContext } from '../presenters/presenter-context.js';
import type { Reply } from '../reply/reply.js';
import type { NewsAuthor } from './news-item.js';
import type { NewsService } from './news-service.js';
import type { Notices } from './notices.js';
import type { PendingNews } from './pending-news.js';

/** A message taken as news: its text, its files, and where it was sent. */
export interface IncomingNews {
  text: string;
  attachments?: string[];
  /** The message's place, when it comes from one (a reaction, a shortcut, a news channel, a DM). */
  origin?: { channel?: string; messageId?: string; permalink?: string };
}

/**
 * What a submission runs in, for its author and for its sender (the context of the `news` command
 * is one; NewsIntake asks its collaborators for one): who, their words, the queue and the notices.
 */
export interface SubmitContext extends PresenterContext {
  readonly asker: Asker;
  /** The language of the editors' shared channel. */
  readonly defaultLang: Lang;
  inLanguage(lang: Lang): PresenterContext;
  readonly news: NewsService;
  /** Direct messages waiting for their author to say whether they are news. */
  readonly pendingNews: PendingNews;
  readonly notices: Notices;
}

/**
 * The one intake path: queues the item as the asker's (`ctx`: its author), tells the editorial
 * committee, and returns the answer for the one who sent it (its number and what happens next, or
 * why it was refused), in their language: the author, or someone who sent the author's message,
 * against whose daily limit it then counts.
 */
export async function submitNews(ctx: SubmitContext, news: IncomingNews, sender: SubmitContext = ctx): Promise<Reply> {
  const { asker } = ctx;
  const outcome = await ctx.news.submit({
    text: news.text,
    author: personOf(asker),
    sender: personOf(sender.asker),
    authorLang: ctx.lang,
    source: { platform: asker.platform, ...(news.origin ?? asker.origin) },
    attachments: news.attachments ?? [],
  });
  if (outcome.ok) {
    // The editors' channel is shared: the notice is in the bot's default language, not the sender's.
    await ctx.notices.toEditors(editorialNotice(ctx.inLanguage(ctx.defaultLang), outcome.item));
  }
  return submissionReply(sender, outcome, sender.asker.platform !== asker.platform || sender.asker.id !== asker.id);
}

function personOf(asker: Asker): NewsAuthor {
  return { platform: asker.platform, userId: asker.id, displayName: asker.displayName ?? asker.id };
}
