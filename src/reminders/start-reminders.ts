import type { Clock } from '../clock.js';
import type { KnowledgeSource } from '../domain/knowledge-source.js';
import type { Lang } from '../domain/vocabulary.js';
import type { Logger } from '../logger.js';
import type { ChannelPoster, PlatformAdapter } from '../messaging/platform-adapter.js';
import type { PresenterContext } from '../presenters/presenter-context.js';
import { reminderReply, showsAttendance, type ReminderDesk } from './reminder-reply.js';
import { acceptedProposals, type AgendaProposals } from '../meeting-desk/agenda-proposals.js';
import type { ReminderTarget } from '../catalog/schema.js';
import { attendanceSheet } from '../meeting-desk/attendance-sheet.js';
import type { AttendanceBook } from '../meeting-desk/attendance.js';
import type { RoleBook } from '../people/roles.js';
import type { PlannedReminder } from './plan.js';
import { ReminderJournal } from './reminder-journal.js';
import { livePlan } from './reminder-source.js';
import { ReminderRunner, type ReminderRunnerOptions } from './reminder-runner.js';
import type { Store } from '../store/store.js';

/** What the reminders need of the running bot: its knowledge, its zone and clock, and its words in each language. */
export interface ReminderSources {
  /** Read at each pass: reminders follow the data as it changes. */
  knowledge: KnowledgeSource;
  timeZone: string;
  clock: Clock;
  inLanguage(lang: Lang): PresenterContext;
  /**
   * Who will attend and the accepted agenda proposals, which the last reminders before a meeting
   * show; the steering committee's channels, the reminders' targets.
   */
  services: {
    attendance: AttendanceBook;
    roles: Pick<RoleBook, 'all'>;
    proposals: Pick<AgendaProposals, 'ofMeeting'>;
    committee: readonly ReminderTarget[];
  };
}

/**
 * Starts posting the steering committee's reminders to the targets whose platform runs here
 * (`adapters`: the console's always does); targets of a platform not started here are left to a
 * process that runs it. The targets are read before anything starts (settings.yaml's and the
 * environment's, at start-up): nothing here can refuse them.
 */
export function startReminders(
  sources: ReminderSources,
  store: Store,
  adapters: readonly PlatformAdapter[],
  logger: Logger,
): ReminderRunner {
  const { knowledge, timeZone, clock } = sources;
  const posters: Record<string, ChannelPoster> = Object.fromEntries(adapters.map((adapter) => [adapter.name, adapter]));
  const targets = sources.services.committee.filter((t) => posters[t.platform]);
  const runner = new ReminderRunner({
    plan: livePlan(knowledge, targets, timeZone),
    render: reminderRenderer(sources, logger),
    posters,
    journal: new ReminderJournal(store),
    clock,
    logger,
  });
  logger.info('reminders scheduled', { targets: targets.map((t) => `${t.platform}:${t.channel}`) });
  runner.start();
  return runner;
}

/**
 * How the runner writes a reminder: the message of reminder-reply.ts, with the attendance so far
 * and the accepted agenda proposals when the reminder is one of the last before its meeting.
 * Without them (the store does not answer), the reminder goes anyway, on time.
 */
export function reminderRenderer(
  sources: Pick<ReminderSources, 'knowledge' | 'inLanguage' | 'services'>,
  logger: Logger,
): ReminderRunnerOptions['render'] {
  async function orNothing<T>(what: string, reminder: PlannedReminder, read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      logger.warn(`could not read ${what}; the reminder goes without it`, { reminder: reminder.key, error });
      return undefined;
    }
  }
  async function deskFor(reminder: PlannedReminder): Promise<ReminderDesk> {
    if (!showsAttendance(reminder)) return {};
    const { attendance, roles, proposals } = sources.services;
    const [sheet, accepted] = await Promise.all([
      orNothing('who will attend', reminder, () =>
        attendanceSheet(sources.knowledge.current(), attendance, roles, reminder.meeting.id),
      ),
      orNothing('the accepted agenda proposals', reminder, () => acceptedProposals(proposals, reminder.meeting)),
    ]);
    return { ...(sheet ? { attendance: sheet } : {}), ...(accepted ? { accepted } : {}) };
  }
  return async (reminder, late) => reminderReply(sources, reminder, late, await deskFor(reminder));
}
