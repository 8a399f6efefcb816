import type { z } from 'zod';
import type { PlatformName } from '../domain/asker.js';
import { LANGS, type Lang } from '../domain/vocabulary.js';
import { storedSchema } from '../store/stored-value.js';

export type NewsStatus = 'pending' | 'approved' | 'rejected' | 'published';

/** Who sent an item, as their platform knows them. */
export interface NewsAuthor {
  platform: PlatformName;
  userId: string;
  displayName: string;
}

/** Where an item came from: the message it was taken from, when there is one. */
export interface NewsSource {
  platform: PlatformName;
  channel?: string;
  messageId?: string;
  permalink?: string;
}

/** One moderation step, kept forever: who did what, when, and why. */
export interface ModerationEntry {
  action: 'submitted' | 'approved' | 'rejected' | 'edited' | 'published';
  by: string;
  at: string;
  reason?: string;
}

/** A news item in the newsletter queue. */
export interface NewsItem {
  /** The queue number, shown as #N. */
  id: number;
  text: string;
  links: string[];
  attachments: string[];
  author: NewsAuthor;
  /**
   * Who sent the item to the queue when it was not its author (a 📰 reaction, the message
   * shortcut): the item counts against their daily limit, not the author's.
   */
  submittedBy?: NewsAuthor;
  /** The member organisation the author speaks for, where the data maps the author to one. */
  member?: string;
  lang: Lang;
  source: NewsSource;
  receivedAt: string;
  status: NewsStatus;
  /** The newsletter edition (YYYY-MM) an approved item belongs to. */
  edition?: string;
  history: ModerationEntry[];
}

/** An item before the queue gives it a number. */
export type NewNewsItem = Omit<NewsItem, 'id'>;

/** An item as the store gives it back, before it is used (its number is the row's or entry's key). */
export const storedNewsItem = storedSchema(async (z) => {
  const { platformName } = await import('../domain/asker.js');
  const newsAuthor = z.object({
    platform: platformName,
    userId: z.string(),
    displayName: z.string(),
  }) satisfies z.ZodType<NewsAuthor>;

  return z.object({
    text: z.string(),
    links: z.array(z.string()),
    attachments: z.array(z.string()),
    author: newsAuthor,
    submittedBy: newsAuthor.optional(),
    member: z.string().optional(),
    lang: z.enum(LANGS),
    source: z.object({
      platform: platformName,
      channel: z.string().optional(),
      messageId: z.string().optional(),
      permalink: z.string().optional(),
    }),
    receivedAt: z.string(),
    status: z.enum(['pending', 'approved', 'rejected', 'published']),
    edition: z.string().optional(),
    history: z.array(
      z.object({
        action: z.enum(['submitted', 'approved', 'rejected', 'edited', 'published']),
        by: z.string(),
        at: z.string(),
        reason: z.string().optional(),
      }),
    ),
  }) satisfies z.ZodType<NewNewsItem>;
});
