import path from 'node:path';
import type { DateTime } from 'luxon';
import { loadCatalog } from '../catalog/load-catalog.js';
import type { ReminderTarget } from '../catalog/schema.js';
import { KnowledgeBase } from '../domain/knowledge-base.js';
import type { Logger } from '../logger.js';
import { planReminders, type PlannedReminder } from './plan.js';

/**
 * The plan from the data as it is now: the data folder is read again at each pass, so that a
 * meeting added or moved in meetings.yaml is picked up without a restart. Data that has become
 * invalid is logged and the last good version is used.
 */
export function livePlan(dataDir: string, initial: KnowledgeBase, targets: readonly ReminderTarget[], timeZone: string, logger: Logger) {
  let current = initial;
  return async (from: DateTime, to: DateTime): Promise<PlannedReminder[]> => {
    try {
      current = new KnowledgeBase(await loadCatalog(path.resolve(dataDir)));
    } catch (error) {
      logger.error('the data could not be reloaded; reminders use the last good data', { error });
    }
    return planReminders(current, { ...current.catalog.settings.reminders, targets: [...targets] }, timeZone, from, to);
  };
}
