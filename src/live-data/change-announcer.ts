import { randomUUID } from 'node:crypto';
import type { CalendarEvent, ChannelTarget } from '../catalog/schema.js';
import type { KnowledgeBase } from '../domain/knowledge-base.js';
import type { Lang } from '../domain/vocabulary.js';
import type { Logger } from '../logger.js';
import type { Outbox } from '../messaging/outbox.js';
import { inLanguages } from '../presenters/in-languages.js';
import { formatPlace } from '../presenters/place.js';
import type { PresenterContext } from '../presenters/presenter-context.js';
import type { Reply } from '../reply/reply.js';
import type { Claims } from '../store/claims.js';
import type { KeyValues } from '../store/store.js';
import { absentIfUnreadable, storedSchema } from '../store/stored-value.js';
import { announcedEvents, eventChanges, storedAnnouncedEvent, type EventChange } from './event-changes.js';
import type { DataVersion } from './live-knowledge.js';

/** The events as last announced, and when the files they were read from were last written. */
const announcedRecord = storedSchema((z) =>
  z.object({
    dataTime: z.number(),
    events: z.record(z.string(), storedAnnouncedEvent),
  }),
);

const RECORD_KEY = 'announced-events';
const LOCK_KEY = 'announcing-events';

export interface ChangeAnnouncerOptions {
  values: KeyValues;
  claims: Claims;
  messages: Pick<Outbox, 'toChannel'>;
  /** Words in `lang` (the knowledge is the announced version's, whatever this gives). */
  inLanguage(lang: Lang): PresenterContext;
  logger: Logger;
  /** How long the right to announce holds, should its process die while announcing. */
  leaseMs?: number;
  /** How soon a process that found another announcing looks again. */
  retryMs?: number;
}

/**
 * Announces the calendar's changes (an event added or removed, its title, date, place, status or
 * revision changed) to the announcement targets of settings.yaml. What is compared is the version
 * last announced, kept in the store: a restart announces what changed while the bot was down and
 * nothing twice, and of several processes sharing the store, the one that holds the claim
 * announces and records; the others then find nothing new. The first version a store sees is
 * recorded without being announced.
 */
export class ChangeAnnouncer {
  private readonly owner = randomUUID();
  private readonly leaseMs: number;
  private readonly retryMs: number;
  private latest: DataVersion | undefined;
  private retry: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: ChangeAnnouncerOptions) {
    this.leaseMs = options.leaseMs ?? 30_000;
    this.retryMs = options.retryMs ?? 1_000;
  }

  /** Announces what changed between the version last announced and `version`; the latest asked for wins. */
  async announce(version: DataVersion): Promise<void> {
    this.latest = version;
    clearTimeout(this.retry);
    while (this.running) await this.running;
    if (this.stopped || this.latest !== version) return;
    this.running = this.announceOnce(version).finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops retrying; resolves once an announcement under way is recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.running;
  }

  private async announceOnce(version: DataVersion): Promise<void> {
    const { claims } = this.options;
    if (!(await claims.claim(LOCK_KEY, this.owner, Date.now(), this.leaseMs))) {
      // Another process is announcing: once it is done, this one looks at what is left.
      this.retry = setTimeout(() => void this.announce(version).catch((e: unknown) => this.failed(e)), this.retryMs);
      this.retry.unref();
      return;
    }
    try {
      await this.announceHolding(version);
    } finally {
      // Released for whoever looks next: the claim is ours until then, so this forgets no other's.
      await claims.forget(LOCK_KEY, Date.now() + 1);
    }
  }

  private async announceHolding(version: DataVersion): Promise<void> {
    const { values, logger } = this.options;
    const record = {
      dataTime: version.fingerprint.newestMs,
      events: announcedEvents(announcedCalendar(version.kb)),
    };
    const last = await absentIfUnreadable(values.get(RECORD_KEY, announcedRecord), logger);
    if (!last) {
      await values.set(RECORD_KEY, record);
      logger.info('calendar changes are announced from now on, compared with the events as they are now');
      return;
    }
    // Another process already announced files written later than these, which this one has not
    // read yet: announcing now would undo its changes. This process announces once it has read them.
    if (record.dataTime < last.dataTime) return;
    const changes = eventChanges(last.events, record.events);
    // The files last recorded, read again (a restart): the record would be written back as it is,
    // which at 100 times the data cost a start some 50 ms of serializing while it served.
    if (changes.length === 0 && record.dataTime === last.dataTime) return;
    if (changes.length > 0) {
      const { targets } = version.kb.catalog.settings.announcements;
      for (const target of targets) {
        const { platform, channel } = target;
        await this.options.messages.toChannel(platform, channel, this.announcement(version.kb, target, changes));
      }
      logger.info('calendar changes announced', {
        changes: changes.map((c) => `${c.kind} ${c.id}`),
        targets: targets.map((t) => `${t.platform}:${t.channel}`),
      });
    }
    await values.set(RECORD_KEY, record);
  }

  private failed(error: unknown): void {
    this.options.logger.error('could not announce the calendar changes', { error });
  }

  private announcement(kb: KnowledgeBase, target: ChannelTarget, changes: readonly EventChange[]): Reply {
    return inLanguages(target.languages, (lang) => {
      const ctx: PresenterContext = { ...this.options.inLanguage(lang), kb };
      return {
        title: ctx.t('announcement.title', { count: changes.length }),
        blocks: [{ type: 'list', items: changes.map((change) => ({ title: changeLine(ctx, change), details: [] })) }],
      };
    });
  }
}

/** "Changed: Africa Policy Dialogue, now 20–24 May 2027, Bamako, Mali (To be confirmed)" */
export function changeLine(ctx: PresenterContext, change: EventChange): string {
  if (change.kind === 'removed')
    return ctx.t('announcement.removed', {
      title: change.before.title[ctx.lang],
      date: ctx.formatDate(change.before.when),
    });
  const { now } = change;
  return ctx.t(change.kind === 'added' ? 'announcement.added' : 'announcement.changed', {
    title: now.title[ctx.lang],
    date: ctx.formatDate(now.when),
    place: formatPlace(ctx, now.place),
    status: ctx.t(now.confirmed ? 'status.confirmed' : 'status.tentative'),
  });
}

/**
 * The events whose changes are announced: the calendar's rows, and the meetings that meetings.yaml
 * dates itself (a meeting added, moved or confirmed there). Not the quarterly rule's meetings: only
 * the turn of a year adds those, and nothing about them was decided.
 */
function announcedCalendar(kb: KnowledgeBase): CalendarEvent[] {
  const { steeringCommittee, advisors } = kb.catalog.meetings;
  const datedInData = new Set([...steeringCommittee.occurrences, ...advisors.meetings].map((m) => m.id));
  return kb.events.filter((e) => e.calendarRow || datedInData.has(e.event.id)).map((e) => e.event);
}
