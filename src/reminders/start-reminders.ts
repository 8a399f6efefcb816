import type { Clock } from '../clock.js';
import type { KnowledgeSource } from '../domain/knowledge-source.js';
import type { Lang } from '../domain/vocabulary.js';
import type { Logger } from '../logger.js';
import type { ChannelPoster, PlatformAdapter } from '../messaging/platform-adapter.js';
import type { PresenterContext } from '../presenters/presenter-context.js';
import { reminderReply, showsAttendance } from './reminder-reply.js';
import { attendanceSheet, type SheetRow } from '../meeting-desk/attendance-sheet.js';
import type { AttendanceBook } from '../meeting-desk/attendance.js';
import type { RoleBook } from '../people/roles.js';
import type { PlannedReminder } from './plan.js';
import { ReminderJournal } from './reminder-journal.js';
import { livePlan } from './reminder-source.js';
import { ReminderRunner } from './reminder-runner.js';
import type { Store } from '../store/store.js';
import { reminderTargets, type ReminderEnv } from './reminder-targets.js';

/** What the reminders need of the running bot: its knowledge, its zone and clock, and its words in each language. */
export interface ReminderSources {
  /** Read at each pass: reminders follow the data as it changes. */
  knowledge: KnowledgeSource;
  timeZone: string;
  clock: Clock;
  inLanguage(lang: Lang): PresenterContext;
  /** Who will attend, which the last reminders before a meeting show. */
  services: { attendance: AttendanceBook; roles: Pick<RoleBook, 'all'> };
}

/**
 * Starts posting the steering committee's reminders to the targets whose platform runs here
 * (`adapters`: the console's always does); targets of a platform not started here are left to a
 * process that runs it. Its settings (`reminderEnv`) are read before anything starts: nothing here
 * can refuse them.
 */
export function startReminders(
  sources: ReminderSources,
  store: Store,
  adapters: readonly PlatformAdapter[],
  reminderEnv: ReminderEnv,
  logger: Logger,
): ReminderRunner {
  const { knowledge, timeZone, clock } = sources;
  const posters: Record<string, ChannelPoster> = Object.fromEntries(adapters.map((adapter) => [adapter.name, adapter]));
  // The channels are those of the data at start-up (settings.yaml's targets take effect at a restart).
  const targets = reminderTargets(knowledge.current().catalog.settings.reminders, reminderEnv).filter(
    (t) => posters[t.platform],
  );
  const runner = new ReminderRunner({
    plan: livePlan(knowledge, targets, timeZone),
    render: async (reminder, late) => reminderReply(sources, reminder, late, await attendanceFor(reminder)),
    posters,
    journal: new ReminderJournal(store),
    clock,
    logger,
  });
  /** The sheet for a reminder that shows it; without it (the store does not answer), the reminder goes anyway. */
  async function attendanceFor(reminder: PlannedReminder): Promise<SheetRow[] | undefined> {
    if (!showsAttendance(reminder)) return undefined;
    const { attendance, roles } = sources.services;
    try {
      return await attendanceSheet(knowledge.current(), attendance, roles, reminder.meeting.id);
    } catch (error) {
      logger.warn('could not read who will attend; the reminder goes without it', { reminder: reminder.key, error });
      return undefined;
    }
  }
  logger.info('reminders scheduled', { targets: targets.map((t) => `${t.platform}:${t.channel}`) });
  runner.start();
  return runner;
}
