import { reminderTargets } from './reminders/reminder-targets.js';
import { meetingDesk } from './meeting-desk/meeting-desk.js';
import path from 'node:path';
import { COMMANDS } from '../commands/index.js';
import { Bot } from './bot.js';
import { fixedClock, parseInstant, runningClockFrom, systemClock, yearOn, type Clock } from './clock.js';
import type { CoreConfig } from './config.js';
import { LanguagePreferences } from './people/language-preferences.js';
import { zonePreferences } from './people/zone-preferences.js';
import { grantsOfSettings, RoleBook } from './people/roles.js';
import { Translator } from './i18n/translator.js';
import { LiveKnowledge, type LiveKnowledgeOptions } from './live-data/live-knowledge.js';
import type { Logger } from './logger.js';
import { createNewsService } from './news/create-news-service.js';
import { PendingNews } from './news/pending-news.js';
import { Outbox } from './messaging/outbox.js';
import { consoleAdapter } from './platforms/console/console-adapter.js';
import type { Store } from './store/store.js';

/**
 * Builds the bot over `knowledge` (by default, the data folder loaded and validated now, and not
 * followed: `npm start` passes a source it starts following), with the console attached to its
 * outbox (a console author is told at once, in this terminal). Throws DataError on bad data.
 * `clock: 'stopped'` pins time at GSEF_NOW / --now (one-shot answers); `'running'` starts there and
 * lets it run (the long-running bot, whose reminders must fall due). What the bot builds here from
 * the settings and messages (zone, language, translator, newsletter, outbox) is read once: a
 * change to them takes effect at the next start (src/live-data/restart-only.ts).
 */
export async function createBot(
  config: CoreConfig,
  store: Store,
  logger: Logger,
  clockKind: 'stopped' | 'running' = 'stopped',
  knowledge?: LiveKnowledge,
): Promise<Bot> {
  const source = knowledge ?? (await LiveKnowledge.load(path.resolve(config.dataDir), logger, startYear(config)));
  const { catalog } = source.current();
  const timeZone = config.timeZone ?? catalog.settings.timeZone;
  const pinned = config.now ? parseInstant(config.now, timeZone)! : undefined;
  const clock: Clock = !pinned ? systemClock : clockKind === 'running' ? runningClockFrom(pinned) : fixedClock(pinned);
  source.followYear(yearOn(clock, timeZone));
  const outbox = new Outbox(catalog.settings.newsletter.editorialChannels, store.notices, logger);
  outbox.attach(consoleAdapter(catalog.settings.newsletter));
  const roles = new RoleBook(store.values, grantsOfSettings(catalog.settings), logger);
  return new Bot({
    knowledge: source,
    translator: new Translator(catalog.locales),
    clock,
    timeZone,
    defaultLang: config.lang ?? catalog.settings.defaultLanguage,
    commands: COMMANDS,
    preferences: new LanguagePreferences(store.values, logger),
    zones: zonePreferences(store.values, logger),
    roles,
    ...meetingDesk(store, logger),
    committee: reminderTargets(catalog.settings.reminders, config.reminders),
    news: createNewsService(catalog, store.news, clock, timeZone, roles),
    pendingNews: new PendingNews(store.values, logger),
    outbox,
    claims: store.claims,
    logger,
  });
}

/**
 * Today's year before the bot's clock exists, for the first build of the knowledge: GSEF_NOW's,
 * else the machine's. The clock corrects it at its first answer on the rare day the two differ
 * (New Year's Eve in another zone), at the cost of one rebuild.
 */
export function startYear(config: CoreConfig): Pick<LiveKnowledgeOptions, 'year'> {
  const pinned = config.now ? Number(config.now.slice(0, 4)) : NaN;
  const year = Number.isInteger(pinned) ? pinned : new Date().getUTCFullYear();
  return { year: () => year };
}
