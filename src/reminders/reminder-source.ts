import type { DateTime } from 'luxon';
import type { ReminderTarget } from '../catalog/schema.js';
import type { KnowledgeSource } from '../domain/knowledge-source.js';
import { planReminders, type PlannedReminder } from './plan.js';

/**
 * The plan from the data as it is at each pass: the knowledge source follows the data folder (see
 * src/live-data/), so a meeting added or moved in meetings.yaml, or new offsets or time in
 * settings.yaml, are planned without a restart. The targets are those the reminders started with.
 */
export function livePlan(knowledge: KnowledgeSource, targets: readonly ReminderTarget[], timeZone: string) {
  return async (from: DateTime, to: DateTime): Promise<PlannedReminder[]> => {
    const kb = knowledge.current();
    return planReminders(kb, { ...kb.catalog.settings.reminders, targets: [...targets] }, timeZone, from, to);
  };
}
