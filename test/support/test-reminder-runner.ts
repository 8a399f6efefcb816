import type { Bot } from '../../src/bot.js';
import type { ReminderSettings } from '../../src/catalog/schema.js';
import type { KnowledgeBase } from '../../src/domain/knowledge-base.js';
import { fixedKnowledge } from '../../src/domain/knowledge-source.js';
import { silentLogger } from '../../src/logger.js';
import { planReminders } from '../../src/reminders/plan.js';
import { ReminderRunner, type ReminderRunnerOptions } from '../../src/reminders/reminder-runner.js';
import { reminderRenderer } from '../../src/reminders/start-reminders.js';
import { botAt, realKnowledgeBase } from './test-bot.js';

/** The time zone the reminder tests plan in. */
export const SEOUL = 'Asia/Seoul';

/**
 * What a test must give the runner; any other option replaces the default of `testReminderRunner`.
 * `bot` writes the reminders and holds the attendance they show (a bot of its own by default).
 */
export type TestReminderRunnerOptions = Pick<ReminderRunnerOptions, 'posters' | 'journal' | 'clock'> &
  Partial<ReminderRunnerOptions> & { bot?: Bot };

/**
 * A runner that plans `settings` over `kb` (the real knowledge base unless given) in Seoul time,
 * renders as `npm start` does (with the attendance so far, 3 days or fewer before) with the real
 * bot, logs nothing and never really sleeps between attempts.
 */
export async function testReminderRunner(
  settings: ReminderSettings,
  { bot: given, ...options }: TestReminderRunnerOptions,
  kb?: KnowledgeBase,
): Promise<ReminderRunner> {
  const knowledge = kb ?? (await realKnowledgeBase());
  const bot = given ?? (await botAt('2019-01-01'));
  const sources = {
    knowledge: fixedKnowledge(knowledge),
    inLanguage: bot.inLanguage.bind(bot),
    services: bot.services,
  };
  return new ReminderRunner({
    plan: async (from, to) => planReminders(knowledge, settings, SEOUL, from, to),
    render: reminderRenderer(sources, options.logger ?? silentLogger),
    logger: silentLogger,
    sleep: async () => {},
    ...options,
  });
}
