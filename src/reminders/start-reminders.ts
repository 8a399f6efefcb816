import type { Clock } from '../clock.js';
import type { KnowledgeSource } from '../domain/knowledge-source.js';
import type { Lang } from '../domain/vocabulary.js';
import type { Logger } from '../logger.js';
import type { ChannelPoster, PlatformAdapter } from '../messaging/platform-adapter.js';
import type { PresenterContext } from '../presenters/presenter-context.js';
import { reminderReply } from './reminder-reply.js';
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
    render: (reminder, late) => reminderReply(sources, reminder, late),
    posters,
    journal: new ReminderJournal(store),
    clock,
    logger,
  });
  logger.info('reminders scheduled', { targets: targets.map((t) => `${t.platform}:${t.channel}`) });
  runner.start();
  return runner;
}
