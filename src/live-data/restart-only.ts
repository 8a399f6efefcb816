import type { Catalog } from '../catalog/load-catalog.js';
import { LANGS } from '../domain/vocabulary.js';

/**
 * The parts of the data read once, at start-up, by what the bot builds then (its clock's zone,
 * its translator, the newsletter's rules and outbox, the reminders' channels, the roles the
 * settings give): a change to them
 * is loaded and checked like any other, but takes effect at the next restart. Everything else
 * (events, members, meetings, programmes, places, reminder offsets and time, the admin and
 * announcement channels) is followed at once.
 */
const READ_AT_START: Record<string, (catalog: Catalog) => unknown> = {
  'settings.yaml: timeZone': (c) => c.settings.timeZone,
  'settings.yaml: defaultLanguage': (c) => c.settings.defaultLanguage,
  'settings.yaml: reminders.targets': (c) => c.settings.reminders.targets,
  'settings.yaml: newsletter': (c) => c.settings.newsletter,
  'settings.yaml: people': (c) => c.settings.people,
  'locales/*.yaml: the wording of messages': (c) => LANGS.map((lang) => [...c.locales[lang]]),
};

/** The parts read at start-up that differ between two versions of the data. */
export function partsNeedingRestart(before: Catalog, after: Catalog): string[] {
  return Object.entries(READ_AT_START)
    .filter(([, read]) => JSON.stringify(read(before)) !== JSON.stringify(read(after)))
    .map(([part]) => part);
}
