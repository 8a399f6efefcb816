import type { PlatformName } from '../domain/asker.js';
import type { Lang } from '../domain/vocabulary.js';

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
