import { meetingDesk } from '../../src/meeting-desk/meeting-desk.js';
import { DateTime } from 'luxon';
import { COMMANDS } from '../../commands/index.js';
import { Bot } from '../../src/bot.js';
import { loadCatalog, type Catalog } from '../../src/catalog/load-catalog.js';
import type { NewsletterSettings } from '../../src/catalog/schema.js';
import { fixedClock } from '../../src/clock.js';
import type { Asker } from '../../src/domain/asker.js';
import { KnowledgeBase } from '../../src/domain/knowledge-base.js';
import { fixedKnowledge } from '../../src/domain/knowledge-source.js';
import type { Lang } from '../../src/domain/vocabulary.js';
import { LanguagePreferences } from '../../src/people/language-preferences.js';
import { zonePreferences } from '../../src/people/zone-preferences.js';
import { grantsOfSettings, RoleBook } from '../../src/people/roles.js';
import { Translator } from '../../src/i18n/translator.js';
import { silentLogger, type Logger } from '../../src/logger.js';
import { renderText } from '../../src/reply/render-text.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';
import type { Store } from '../../src/store/store.js';
import { createNewsService } from '../../src/news/create-news-service.js';
import { PendingNews } from '../../src/news/pending-news.js';
import { Outbox } from '../../src/messaging/outbox.js';
import { consoleAdapter } from '../../src/platforms/console/console-adapter.js';
import type { Reply } from '../../src/reply/reply.js';
import { DATA_DIR } from './test-data.js';

// Re-exported: tests that run the program name the same folder the in-process bot reads.
export { DATA_DIR };

let catalog: Promise<Catalog> | undefined;

/** The seed's data (test/fixtures/seed-2019), loaded once per test file. */
export function realCatalog(): Promise<Catalog> {
  catalog ??= loadCatalog(DATA_DIR);
  return catalog;
}

export async function realKnowledgeBase(): Promise<KnowledgeBase> {
  return new KnowledgeBase(await realCatalog());
}

/** The real bot over the seed's data, its clock pinned at `now` (a day or a date-time, in Seoul). */
export async function botAt(
  now: string,
  logger: Logger = silentLogger,
  store: Store = memoryStore(),
  print: (text: string) => void = () => {},
): Promise<Bot> {
  return botOver(await realCatalog(), now, logger, store, print);
}

/**
 * `botAt`, with some newsletter settings of the seed's settings.yaml replaced (editor roles, news and
 * editorial channels…), for the bot and its outbox alike. The shared catalog is not changed.
 */
export async function botWithNewsletter(
  now: string,
  newsletter: Partial<NewsletterSettings>,
  logger: Logger = silentLogger,
  store: Store = memoryStore(),
): Promise<Bot> {
  const data = await realCatalog();
  const settings = { ...data.settings, newsletter: { ...data.settings.newsletter, ...newsletter } };
  return botOver({ ...data, settings }, now, logger, store, () => {});
}

/** `botAt` over other data than the seed's (the seed's with a timed meeting, say). */
export function botOverData(
  data: Catalog,
  now: string,
  logger: Logger = silentLogger,
  store: Store = memoryStore(),
): Bot {
  return botOver(data, now, logger, store, () => {});
}

function botOver(data: Catalog, now: string, logger: Logger, store: Store, print: (text: string) => void): Bot {
  const outbox = new Outbox(data.settings.newsletter.editorialChannels, store.notices, logger);
  outbox.attach(consoleAdapter(data.settings.newsletter, print));
  const clock = fixedClock(DateTime.fromISO(now, { zone: 'Asia/Seoul' }));
  const roles = new RoleBook(store.values, grantsOfSettings(data.settings), logger);
  return new Bot({
    knowledge: fixedKnowledge(new KnowledgeBase(data)),
    translator: new Translator(data.locales),
    clock,
    timeZone: 'Asia/Seoul',
    defaultLang: 'en',
    commands: COMMANDS,
    preferences: new LanguagePreferences(store.values, logger),
    zones: zonePreferences(store.values, logger),
    roles,
    ...meetingDesk(store, logger),
    committee: data.settings.reminders.targets,
    news: createNewsService(data, store.news, clock, 'Asia/Seoul', roles),
    pendingNews: new PendingNews(store.values, logger),
    outbox,
    claims: store.claims,
    logger,
  });
}

export const member: Asker = { platform: 'console', id: 'tester', isEditor: false };

/** Asks the bot at a pinned time and returns the reply and its plain-text rendering. */
export async function ask(now: string, text: string, lang: Lang = 'en'): Promise<{ reply: Reply; text: string }> {
  const bot = await botAt(now);
  const reply = await bot.answer(text, member, lang);
  return { reply, text: renderText(reply) };
}

/** The titles of the items of every list in a reply, in order. */
export function itemTitles(reply: Reply): string[] {
  return reply.blocks.flatMap((b) => (b.type === 'list' ? b.items.map((i) => i.title) : []));
}
