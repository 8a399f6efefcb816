import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DateTime } from 'luxon';
import { loadCatalog } from '../catalog/load-catalog.js';
import type { ReminderTarget } from '../catalog/schema.js';
import { KnowledgeBase } from '../domain/knowledge-base.js';
import type { Logger } from '../logger.js';
import { planReminders, type PlannedReminder } from './plan.js';

/**
 * The plan from the data as it is now: when a file of the data folder has changed since the last
 * look, the folder is loaded again, so that a meeting added or moved in meetings.yaml is picked up
 * without a restart. Data that has become invalid is logged and the last good version is used.
 */
export function livePlan(
  dataDir: string,
  initial: KnowledgeBase,
  targets: readonly ReminderTarget[],
  timeZone: string,
  logger: Logger,
) {
  let current = initial;
  let seen: string | undefined;
  return async (from: DateTime, to: DateTime): Promise<PlannedReminder[]> => {
    const now = await fingerprint(path.resolve(dataDir)).catch(() => seen);
    if (seen !== undefined && now !== seen) {
      try {
        current = new KnowledgeBase(await loadCatalog(path.resolve(dataDir)));
        logger.info('data changed: reminders follow the new data');
      } catch (error) {
        logger.error('the data changed but could not be loaded; reminders use the last good data', { error });
      }
    }
    seen = now;
    return planReminders(current, { ...current.catalog.settings.reminders, targets: [...targets] }, timeZone, from, to);
  };
}

/** Names, sizes and modification times of the data files: cheap to read, changes when they do. */
async function fingerprint(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true });
  const files = entries.filter((name) => name.endsWith('.yaml')).sort();
  const stats = await Promise.all(
    files.map(async (name) => {
      const { size, mtimeMs } = await stat(path.join(dir, name));
      return `${name}:${size}:${mtimeMs}`;
    }),
  );
  return stats.join('|');
}
