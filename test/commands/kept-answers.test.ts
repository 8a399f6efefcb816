import { meetingDesk } from '../../src/meeting-desk/meeting-desk.js';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.js';
import { Bot, type BotServices } from '../../src/bot.js';
import type { Asker } from '../../src/domain/asker.js';
import { KnowledgeBase } from '../../src/domain/knowledge-base.js';
import { Translator } from '../../src/i18n/translator.js';
import { silentLogger } from '../../src/logger.js';
import { Outbox } from '../../src/messaging/outbox.js';
import { createNewsService } from '../../src/news/create-news-service.js';
import { PendingNews } from '../../src/news/pending-news.js';
import { LanguagePreferences } from '../../src/people/language-preferences.js';
import { grantsOfSettings, RoleBook } from '../../src/people/roles.js';
import { zonePreferences } from '../../src/people/zone-preferences.js';
import type { Reply } from '../../src/reply/reply.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';
import { realCatalog } from '../support/test-bot.js';

/** Read-only questions of every kind: commands, filters, questions in three languages, misspellings, refusals. */
const QUESTIONS = [
  'next-event',
  'next-event africa',
  'events',
  'events may 2019',
  'event dialogue',
  'agenda',
  'meetings 2019',
  'members',
  'member bamako',
  'programme',
  'help',
  'help events',
  'quand est le prochain événement ?',
  '¿cuándo es el próximo evento?',
  'what is happening now?',
  'nxt-event',
  'events 2019-13',
  'Who sings?',
];

const asker: Asker = { platform: 'slack', id: 'U1', isEditor: false };

/**
 * A bot and everything its answers come from, held where the test can move them: the clock, the
 * data in use, and the store where language choices are kept. `fresh()` is a bot over the same
 * services that has kept nothing: what a fresh computation gives.
 */
async function world(start: string) {
  const catalog = await realCatalog();
  const store = memoryStore();
  const state = { now: DateTime.fromISO(start, { zone: 'Asia/Seoul' }), kb: new KnowledgeBase(catalog) };
  const clock = () => state.now;
  const roles = new RoleBook(store.values, grantsOfSettings(catalog.settings), silentLogger);
  const services: BotServices = {
    knowledge: { current: () => state.kb },
    translator: new Translator(catalog.locales),
    clock,
    timeZone: 'Asia/Seoul',
    defaultLang: 'en',
    commands: COMMANDS,
    preferences: new LanguagePreferences(store.values, silentLogger),
    zones: zonePreferences(store.values, silentLogger),
    roles,
    ...meetingDesk(store, silentLogger),
    committee: catalog.settings.reminders.targets,
    news: createNewsService(catalog, store.news, clock, 'Asia/Seoul', roles),
    pendingNews: new PendingNews(store.values, silentLogger),
    outbox: new Outbox(catalog.settings.newsletter.editorialChannels, store.notices, silentLogger),
    claims: store.claims,
    logger: silentLogger,
  };
  return { state, catalog, bot: new Bot(services), fresh: () => new Bot(services) };
}

/** Every question asked of the bot twice (the second time it may answer from memory) and of a fresh bot. */
async function askAll(bot: Bot, fresh: () => Bot): Promise<Map<string, Reply>> {
  const answers = new Map<string, Reply>();
  for (const question of QUESTIONS) {
    await bot.answer(question, asker);
    const again = await bot.answer(question, asker);
    expect(again, question).toEqual(await fresh().answer(question, asker));
    answers.set(question, again);
  }
  return answers;
}

describe('answers kept and given again', () => {
  it('are the answers a fresh computation gives, across midnight, a reload and a language change', async () => {
    // The Asia Social Economy dialogue runs 7–9 May 2019: happening at 23:59 on the 9th, over a minute later.
    const { state, catalog, bot, fresh } = await world('2019-05-09T23:59:30');
    const before = await askAll(bot, fresh);

    state.now = DateTime.fromISO('2019-05-10T00:00:30', { zone: 'Asia/Seoul' });
    const afterMidnight = await askAll(bot, fresh);
    expect(afterMidnight.get('next-event')).not.toEqual(before.get('next-event'));

    const events = catalog.events.events.map((event) =>
      event.when.start === '2019-05-13'
        ? { ...event, title: { en: 'Renamed', fr: 'Renommé', es: 'Renombrado' } }
        : event,
    );
    state.kb = new KnowledgeBase({ ...catalog, events: { ...catalog.events, events } });
    const afterReload = await askAll(bot, fresh);
    expect(JSON.stringify(afterReload.get('events'))).toContain('Renamed');
    expect(JSON.stringify(afterMidnight.get('events'))).not.toContain('Renamed');

    await bot.answer('lang fr', asker);
    const inFrench = await askAll(bot, fresh);
    expect(inFrench.get('next-event')?.lang).toBe('fr');
    expect(afterReload.get('next-event')?.lang).toBe('en');
  });

  it('are kept, frozen, for read-only answers, and never for commands that change something or read the exact time', async () => {
    const { bot } = await world('2019-05-10T10:00:00');
    const first = await bot.answer('next-event', asker);
    expect(await bot.answer('next-event', asker)).toBe(first);
    expect(Object.isFrozen(first.blocks)).toBe(true);

    // `calendar` stamps its file with the time it was made: each one is made anew.
    expect(await bot.answer('calendar', asker)).not.toBe(await bot.answer('calendar', asker));

    const keepingNone = new Bot({ ...bot.services, keptAnswers: 0 });
    expect(await keepingNone.answer('next-event', asker)).not.toBe(await keepingNone.answer('next-event', asker));

    const chosen = await bot.answer('lang es', asker);
    expect(await bot.answer('lang es', asker)).not.toBe(chosen);
    expect((await bot.answer('next-event', asker)).lang).toBe('es');
  });

  it('are kept per language asked for and per platform (commands are named differently at the console)', async () => {
    const { bot } = await world('2019-05-10T10:00:00');
    const english = await bot.answer('help', asker, 'en');
    const spanish = await bot.answer('help', asker, 'es');
    const atConsole = await bot.answer('help', { ...asker, platform: 'console' }, 'en');
    expect(spanish.lang).toBe('es');
    expect(JSON.stringify(english)).toContain('/gsef ');
    expect(JSON.stringify(atConsole)).not.toContain('/gsef ');
  });
});
