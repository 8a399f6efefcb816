import type { DateTime } from 'luxon';
import type { NewsletterSettings } from '../catalog/schema.js';
import type { Clock } from '../clock.js';
import type { Lang } from '../domain/vocabulary.js';
import { detectLanguage, type LanguageWords } from '../i18n/detect-language.js';
import type { NewsAuthor, NewsItem, NewsSource, NewsStatus } from './news-item.js';
import type { NewsRepository } from './news-repository.js';
import { sanitizeNews } from './sanitize.js';
import { shownLength } from './shown-length.js';
import type { PersonRef } from '../people/roles.js';

/** The limits of a news item, in characters as people see them (see shownLength). */
export const MIN_NEWS_LENGTH = 20;
/** Changes to one item are retried this often when another change lands first; more means something is looping. */
const MAX_CHANGE_ATTEMPTS = 10;
export const MAX_NEWS_LENGTH = 4000;

export interface Submission {
  text: string;
  author: NewsAuthor;
  /** Who sends it when it is not its author (a 📰 reaction, the message shortcut): the item counts against their daily limit. */
  sender?: NewsAuthor;
  /** The author's locale as their platform reports it, for items too short to tell the language. */
  authorLang: Lang;
  source: NewsSource;
  attachments?: string[];
}

export type SubmitOutcome =
  | { ok: true; item: NewsItem }
  | { ok: false; reason: 'too-short' | 'too-long' | 'rate-limited' }
  | { ok: false; reason: 'duplicate'; number: number };

export type ModerationOutcome =
  | { ok: true; item: NewsItem }
  | { ok: false; reason: 'not-found' | 'not-pending' | 'too-short' | 'too-long'; item?: NewsItem };

/**
 * The newsletter desk: the one intake path every platform uses, and the editorial committee's
 * moderation. It knows nothing of platforms; notices to editors and authors are the callers'.
 */
export class NewsService {
  constructor(
    private readonly repository: NewsRepository,
    private readonly settings: NewsletterSettings,
    private readonly clock: Clock,
    private readonly timeZone: string,
    private readonly languageWords: LanguageWords,
    /** The member organisation a person speaks for (their author or representative role), which their items carry. */
    private readonly memberOf: (person: PersonRef) => Promise<string | undefined>,
  ) {}

  /** Checks, cleans and queues an item; it is durably stored before this resolves with its number. */
  async submit(submission: Submission): Promise<SubmitOutcome> {
    const { text, links } = sanitizeNews(submission.text);
    const length = lengthProblem(text);
    if (length) return { ok: false, reason: length };
    const now = this.now();
    const at = now.toUTC().toISO()!;
    const member = await this.memberOf({ platform: submission.author.platform, id: submission.author.userId });
    const author = inertNames(submission.author);
    const submittedBy =
      submission.sender && !samePerson(submission.sender, submission.author)
        ? inertNames(submission.sender)
        : undefined;
    // The limit is counted by the queue in the same step as the item is added: checked here
    // first, two submissions arriving at once would both pass it.
    const result = await this.repository.insert(
      {
        text,
        links,
        attachments: submission.attachments ?? [],
        author,
        ...(submittedBy ? { submittedBy } : {}),
        ...(member ? { member } : {}),
        lang: detectLanguage(text, this.languageWords) ?? submission.authorLang,
        source: submission.source,
        receivedAt: at,
        status: 'pending',
        history: [{ action: 'submitted', by: authorName(submittedBy ?? author), at }],
      },
      { max: this.settings.dailyLimit, since: now.startOf('day').toUTC().toISO()! },
    );
    if ('rateLimited' in result) return { ok: false, reason: 'rate-limited' };
    return 'inserted' in result
      ? { ok: true, item: result.inserted }
      : { ok: false, reason: 'duplicate', number: result.duplicateOf };
  }

  list(status?: NewsStatus): Promise<NewsItem[]> {
    return this.repository.list(status);
  }

  get(id: number): Promise<NewsItem | undefined> {
    return this.repository.get(id);
  }

  /** Approves a pending item into the edition that approvals join now (see `openEdition`). */
  approve(id: number, editor: string): Promise<ModerationOutcome> {
    return this.moderate(id, editor, 'approved', (item, now) => {
      item.edition = this.editionAt(now);
    });
  }

  /** Rejects an item; the reason, told to its author, is cleaned as news text is (it can ping no one). */
  reject(id: number, editor: string, reason: string | undefined): Promise<ModerationOutcome> {
    return this.moderate(
      id,
      editor,
      'rejected',
      (item) => delete item.edition,
      reason === undefined ? undefined : sanitizeNews(reason).text || undefined,
    );
  }

  /** Replaces an item's text (cleaned like any submission); its status does not change. */
  async edit(id: number, editor: string, newText: string): Promise<ModerationOutcome> {
    const { text, links } = sanitizeNews(newText);
    return this.change(id, (item) => {
      const length = lengthProblem(text);
      if (length) return { ok: false, reason: length, item };
      item.text = text;
      item.links = links;
      item.history.push({ action: 'edited', by: editor, at: this.now().toUTC().toISO()! });
      return { ok: true, item };
    });
  }

  /** The approved (and already published) items of an edition, in queue order. */
  async edition(edition: string): Promise<NewsItem[]> {
    return (await this.repository.list()).filter(
      (i) => i.edition === edition && (i.status === 'approved' || i.status === 'published'),
    );
  }

  /** Marks an edition's approved items published. Idempotent: publishing twice changes nothing more. */
  async publish(edition: string, editor: string): Promise<NewsItem[]> {
    const published: NewsItem[] = [];
    for (const { id } of await this.edition(edition)) {
      // Looked at again as it is now: it may have been rejected, or published, meanwhile.
      const outcome = await this.change(id, (item) => {
        if (item.status !== 'approved' || item.edition !== edition) return { ok: false, reason: 'not-pending', item };
        item.status = 'published';
        item.history.push({ action: 'published', by: editor, at: this.now().toUTC().toISO()! });
        return { ok: true, item };
      });
      if (outcome.ok) published.push(outcome.item);
    }
    return published;
  }

  /**
   * The edition an item approved now joins: this month's, or next month's after the cut-off day
   * (in the secretariat's zone). It is also the draft editors mean when they name no month.
   */
  openEdition(): { edition: string; afterCutoff: boolean; cutoffDay: number } {
    const now = this.now();
    return {
      edition: this.editionAt(now),
      afterCutoff: now.day > this.settings.cutoffDay,
      cutoffDay: this.settings.cutoffDay,
    };
  }

  private editionAt(now: DateTime): string {
    return (now.day > this.settings.cutoffDay ? now.plus({ months: 1 }) : now).toFormat('yyyy-MM');
  }

  private moderate(
    id: number,
    editor: string,
    status: NewsStatus,
    decide: (item: NewsItem, now: DateTime) => void,
    reason?: string,
  ): Promise<ModerationOutcome> {
    return this.change(id, (item) => {
      if (item.status === 'published') return { ok: false, reason: 'not-pending', item };
      const now = this.now();
      item.status = status;
      decide(item, now);
      item.history.push({
        action: status === 'approved' ? 'approved' : 'rejected',
        by: editor,
        at: now.toUTC().toISO()!,
        ...(reason ? { reason } : {}),
      });
      return { ok: true, item };
    });
  }

  /**
   * Reads an item, applies `apply` to a copy and stores it if nobody changed the item meanwhile;
   * otherwise reads it again and re-applies, so that two editors' changes both hold.
   */
  private async change(id: number, apply: (item: NewsItem) => ModerationOutcome): Promise<ModerationOutcome> {
    for (let attempt = 1; attempt <= MAX_CHANGE_ATTEMPTS; attempt++) {
      const current = await this.repository.get(id);
      if (!current) return { ok: false, reason: 'not-found' };
      const outcome = apply(structuredClone(current));
      if (!outcome.ok || (await this.repository.update(outcome.item, current))) return outcome;
    }
    throw new Error(`news item #${id} kept changing while it was being updated (${MAX_CHANGE_ATTEMPTS} attempts)`);
  }

  private now(): DateTime {
    return this.clock().setZone(this.timeZone);
  }
}

/** A display name is outside text too: it appears in notices and drafts, so it is made inert as well. */
/** Whether a cleaned text is outside the limits of news, counted as people see it. */
function lengthProblem(cleanText: string): 'too-short' | 'too-long' | undefined {
  const length = shownLength(cleanText);
  return length < MIN_NEWS_LENGTH ? 'too-short' : length > MAX_NEWS_LENGTH ? 'too-long' : undefined;
}

function inertNames(person: NewsAuthor): NewsAuthor {
  return { ...person, displayName: sanitizeNews(person.displayName).text || person.userId };
}

function samePerson(a: NewsAuthor, b: NewsAuthor): boolean {
  return a.platform === b.platform && a.userId === b.userId;
}

export function authorName(author: NewsAuthor): string {
  return `${author.displayName} (${author.platform}:${author.userId})`;
}
