import type { ReminderSettings } from '../../src/catalog/schema.js';
import type { KnowledgeBase } from '../../src/domain/knowledge-base.js';
import { silentLogger } from '../../src/logger.js';
import { planReminders } from '../../src/reminders/plan.js';
import { reminderReply } from '../../src/reminders/reminder-reply.js';
import { ReminderRunner, type ReminderRunnerOptions } from '../../src/reminders/reminder-runner.js';
import { botAt, realKnowledgeBase } from './test-bot.js';

/** The time zone the reminder tests plan in. */
export const SEOUL = 'Asia/Seoul';

/** What a test must give the runner; any other option replaces the default of `testReminderRunner`. */
export type TestReminderRunnerOptions = Pick<ReminderRunnerOptions, 'posters' | 'journal' | 'clock'> &
  Partial<ReminderRunnerOptions>;

/**
 * A runner that plans `settings` over `kb` (the real knowledge base unless given) in Seoul time,
 * renders with the real bot, logs nothing and never really sleeps between attempts.
 */
export async function testReminderRunner(
  settings: ReminderSettings,
  options: TestReminderRunnerOptions,
  kb?: KnowledgeBase,
): Promise<ReminderRunner> {
  const knowledge = kb ?? (await realKnowledgeBase());
  const bot = await botAt('2019-01-01');
  return new ReminderRunner({
    plan: async (from, to) => planReminders(knowledge, settings, SEOUL, from, to),
    render: (reminder, late) => reminderReply(bot, reminder, late),
    logger: silentLogger,
    sleep: async () => {},
    ...options,
  });
}
