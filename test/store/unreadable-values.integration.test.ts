import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/domain/asker.js';
import { LanguagePreferences } from '../../src/people/language-preferences.js';
import { zonePreferences } from '../../src/people/zone-preferences.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { PendingNews } from '../../src/news/pending-news.js';
import type { NoticeRecipient } from '../../src/news/notice-queue.js';
import { ReminderJournal } from '../../src/reminders/reminder-journal.js';
import { reply } from '../../src/reply/reply.js';
import { withPostgres, withRedis } from '../support/database-clients.js';
import { BACKENDS, newsItem, SHARED_BACKENDS, storesClosedAfterEach } from '../support/store-fixtures.js';

// What a store holds that the bot did not write as it is (a row edited by hand, a value left by
// another program) neither crashes an answer nor is taken for what it claims to be: each reader
// takes it as absent with a warning, or fails with a StoredValueError, and either way names its key.

const open = storesClosedAfterEach();
const ana: Asker = { platform: 'slack', id: 'U1', isEditor: false };
const editors: NoticeRecipient = { platform: 'slack', kind: 'channel', id: 'CEDITORS' };
const LEASE = 60_000;

/** A logger whose warnings are kept, and the keys they name. */
function warnings(): { logger: Logger; keys: () => unknown[]; problems: () => unknown[] } {
  const lines: string[] = [];
  const field = (name: 'key' | 'problem') => () =>
    lines.map((line) => (JSON.parse(line) as Record<string, unknown>)[name]);
  return { logger: createLogger('warn', (line) => lines.push(line)), keys: field('key'), problems: field('problem') };
}

describe.each(BACKENDS)('the $name store, holding values that fail their schema', ({ freshUrl }) => {
  it('takes a language or time zone choice or a held message as absent, with a warning naming the key', async () => {
    const { values } = await open(await freshUrl());
    await values.set('lang:slack:U1', 'de');
    await values.set('tz:slack:U1', 'Mars/Olympus_Mons');
    await values.set('tz:slack:U2', 42);
    await values.set('news-pending:token', { news: 'only the text', platform: 'slack', askerId: 'U1' });
    const { logger, keys, problems } = warnings();
    const zones = zonePreferences(values, logger);
    expect(await new LanguagePreferences(values, logger).get(ana)).toBeUndefined();
    expect(await zones.get(ana)).toBeUndefined();
    expect(await zones.get({ ...ana, id: 'U2' })).toBeUndefined();
    expect(await new PendingNews(values, logger).take('token', ana)).toBeUndefined();
    expect(keys()).toEqual(['lang:slack:U1', 'tz:slack:U1', 'tz:slack:U2', 'news-pending:token']);
    expect(problems().slice(0, 3)).toEqual([
      'expected one of en, fr, es',
      'expected an IANA time zone',
      'expected an IANA time zone',
    ]);
  });

  it('reports a reminder record as a StoredValueError naming it: whether it was posted is not known', async () => {
    const store = await open(await freshUrl());
    await store.values.set('reminder:q1@P14D', { status: 'sent', due: 'yesterday' });
    const journal = new ReminderJournal(store);
    const unreadable = { code: 'stored-value-invalid', key: 'reminder:q1@P14D' };
    await expect(journal.get('q1@P14D')).rejects.toMatchObject(unreadable);
    await expect(journal.all()).rejects.toMatchObject(unreadable);
  });
});

/**
 * Overwrites, in a backend, what the bot wrote with what it never would: news item #1 with the
 * wrong shape, notice #1 and Ana's language choice with text that is not even JSON.
 */
const corrupt: Record<string, (url: string) => Promise<void>> = {
  SQLite: async (url) => {
    const file = new Database(url.slice('sqlite://'.length));
    try {
      file.prepare('UPDATE gsef_news SET item = ? WHERE id = 1').run('{"text":42}');
      file.prepare('UPDATE gsef_notices SET notice = ? WHERE id = 1').run('garbage');
      file.prepare("UPDATE gsef_values SET value = ? WHERE key LIKE '%lang:slack:U1'").run('garbage');
    } finally {
      file.close();
    }
  },
  PostgreSQL: (url) =>
    withPostgres(url, async (client) => {
      await client.query('UPDATE gsef_news SET item = $1 WHERE id = 1', ['{"text":42}']);
      await client.query('UPDATE gsef_notices SET notice = $1 WHERE id = 1', ['garbage']);
      await client.query("UPDATE gsef_values SET value = $1 WHERE key LIKE '%lang:slack:U1'", ['garbage']);
    }),
  Redis: (url) =>
    withRedis(url, async (client) => {
      await client.hSet('gsef:news:items', '1', '{"text":42}');
      await client.hSet('gsef:notices:items', '1', 'garbage');
      for (const key of await client.keys('*lang:slack:U1')) await client.set(key, 'garbage');
    }),
};

describe.each(SHARED_BACKENDS)('the $name store, its rows written by another program', ({ name, freshUrl }) => {
  it('names the news item, the notice and the value it cannot read, and goes on with the others', async () => {
    const url = await freshUrl();
    const store = await open(url);
    await store.news.insert(newsItem('The first item, soon overwritten by hand.'));
    await store.news.insert(newsItem('The second item, left as the bot wrote it.'));
    await store.notices.add(editors, reply('ok', 'New item #1'), 1_000);
    await store.notices.add(editors, reply('ok', 'New item #2'), 1_001);
    await store.values.set('lang:slack:U1', 'fr');
    await corrupt[name]!(url);

    const item = { code: 'stored-value-invalid', key: 'news item #1' };
    await expect(store.news.get(1)).rejects.toMatchObject(item);
    await expect(store.news.list()).rejects.toMatchObject(item);
    expect(await store.news.get(2)).toMatchObject({ text: 'The second item, left as the bot wrote it.' });
    // The unreadable notice fails its claim, which holds it for a lease: the next claim gets the next one.
    await expect(store.notices.claim('slack', 'A', 2_000, LEASE, 1)).rejects.toMatchObject({ key: 'notice #1' });
    expect((await store.notices.claim('slack', 'A', 2_001, LEASE, 1)).map((n) => n.reply.title)).toEqual([
      'New item #2',
    ]);
    const { logger, keys } = warnings();
    expect(await new LanguagePreferences(store.values, logger).get(ana)).toBeUndefined();
    expect(keys()).toEqual(['lang:slack:U1']);
  });
});
