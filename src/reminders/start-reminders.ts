import type { Bot } from '../bot.js';
import type { Logger } from '../logger.js';
import { consolePoster } from '../platforms/console/console-poster.js';
import type { ChannelPoster, RunningPlatform } from '../platforms/running-platform.js';
import { reminderReply } from './reminder-reply.js';
import { ReminderJournal } from './reminder-journal.js';
import { livePlan } from './reminder-source.js';
import { ReminderRunner } from './reminder-runner.js';
import type { Store } from '../store/store.js';
import { reminderTargets, type ReminderEnv } from './reminder-targets.js';

/**
 * Starts posting the steering committee's reminders to the targets whose platform is running
 * (the console's always is); targets of a platform not started here are left to a process that
 * runs it. Its settings (`reminderEnv`) are read before anything starts: nothing here can refuse them.
 */
export function startReminders(
  bot: Bot,
  store: Store,
  platforms: readonly RunningPlatform[],
  dataDir: string,
  reminderEnv: ReminderEnv,
  logger: Logger,
): ReminderRunner {
  const { kb, timeZone, clock } = bot.services;
  const posters: Partial<Record<'slack' | 'discord' | 'console', ChannelPoster>> = { console: consolePoster() };
  for (const platform of platforms) posters[platform.name] = platform.poster;
  const targets = reminderTargets(kb.catalog.settings.reminders, reminderEnv).filter((t) => posters[t.platform]);
  const runner = new ReminderRunner({
    plan: livePlan(dataDir, kb, targets, timeZone, logger),
    render: (reminder, late) => reminderReply(bot, reminder, late),
    posters,
    journal: new ReminderJournal(store),
    clock,
    logger,
  });
  logger.info('reminders scheduled', { targets: targets.map((t) => `${t.platform}:${t.channel}`) });
  runner.start();
  return runner;
}
