import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Asker } from '../../src/domain/asker.js';
import { TargetNotEmptyError } from '../../src/errors.js';
import { LanguagePreferences } from '../../src/people/language-preferences.js';
import { silentLogger } from '../../src/logger.js';
import { PENDING_NEWS_TTL_MS, PendingNews } from '../../src/news/pending-news.js';
import { reply } from '../../src/reply/reply.js';
import { copyStore } from '../../src/store/copy-store.js';
import type { Store } from '../../src/store/store.js';
import { freshPostgresUrl, freshRedisUrl } from '../support/fresh-databases.js';
import { freshSqliteUrl, newsItem, storedAnything, storesClosedAfterEach } from '../support/store-fixtures.js';
import { DATA_DIR } from '../support/test-bot.js';

const BIN = path.resolve(import.meta.dirname, '../../bin/gsef.js');
const ana: Asker = { platform: 'slack', id: 'U1', isEditor: false };

const open = storesClosedAfterEach();

/** A SQLite store as a secretariat would have it: a queue whose numbers have a gap, choices, records, a message awaiting a yes. */
async function sourceStore(): Promise<{ store: Store; url: string; token: string }> {
  const url = await freshSqliteUrl();
  const store = await open(url);
  await store.news.insert(newsItem('The City of Bamako opens an incubator.'));
  const second = await store.news.insert(newsItem('Montréal funds twelve new cooperatives this year.'));
  if (!('inserted' in second)) throw new Error('the second item was refused');
  await store.news.update({ ...second.inserted, status: 'approved', edition: '2026-11' }, second.inserted);
  // Numbers 3 and 4 were never given (an older version used numbers up on refused duplicates).
  await store.news.restore({ ...newsItem('Seoul hosts the social economy forum in October.'), id: 5 });
  await new LanguagePreferences(store.values, silentLogger).set(ana, 'fr');
  await store.values.set('reminder:q1-2027@P14D', {
    status: 'posted',
    due: '2027-01-11T00:00:00Z',
    settledAt: '2027-01-11T00:00:01Z',
    late: false,
    attempts: 1,
  });
  const token = await new PendingNews(store.values, silentLogger).hold(
    { text: 'A message that reads like news, awaiting its yes.' },
    ana,
  );
  // Two agenda proposals were numbered: the copy numbers the next one 3, after them.
  await store.counters.next('agenda-proposals');
  await store.counters.next('agenda-proposals');
  await store.notices.add(
    { platform: 'slack', kind: 'person', id: 'U1' },
    reply('ok', 'Your news #2 was approved'),
    1_000,
  );
  return { store, url, token };
}

describe.each([
  ['SQLite', freshSqliteUrl],
  ['PostgreSQL', freshPostgresUrl],
  ['Redis', freshRedisUrl],
])('copying a SQLite store into %s', (_, freshUrl) => {
  it('keeps every item with its number, status and history, and every value; numbering goes on after the highest', async () => {
    const { store: from, token } = await sourceStore();
    const to = await open(await freshUrl());
    expect(await copyStore(from, to)).toEqual({ items: 3, highestNumber: 5, values: 3, notices: 1, counters: 1 });
    expect(await to.counters.next('agenda-proposals')).toBe(3);
    expect(await to.news.list()).toEqual(await from.news.list());
    expect((await to.news.list('approved')).map((i) => i.id)).toEqual([2]);
    expect(await to.news.insert(newsItem('The City of Bamako opens an incubator.'))).toEqual({ duplicateOf: 1 });
    expect(await to.news.insert(newsItem('A new item after the move gets the next number.'))).toMatchObject({
      inserted: { id: 6 },
    });
    expect(await new LanguagePreferences(to.values, silentLogger).get(ana)).toBe('fr');
    expect(await to.values.get('reminder:q1-2027@P14D', storedAnything)).toMatchObject({ status: 'posted' });
    // A message awaiting a yes keeps the time it had left (a day at most), not forever.
    const expiries: (number | undefined)[] = [];
    for await (const { expiresAt } of to.values.entries('news-pending:')) expiries.push(expiresAt);
    expect(expiries).toEqual([expect.any(Number)]);
    expect(expiries[0]).toBeGreaterThan(Date.now());
    expect(expiries[0]).toBeLessThanOrEqual(Date.now() + PENDING_NEWS_TTL_MS);
    expect(await new PendingNews(to.values, silentLogger).take(token, ana)).toEqual({
      text: 'A message that reads like news, awaiting its yes.',
    });
    expect(await to.notices.list()).toMatchObject([
      {
        recipient: { platform: 'slack', kind: 'person', id: 'U1' },
        reply: { title: 'Your news #2 was approved' },
        queuedAt: 1_000,
        attempts: 0,
      },
    ]);
  });

  it('refuses a target that already holds news, and changes nothing in it', async () => {
    const { store: from } = await sourceStore();
    const to = await open(await freshUrl());
    await to.news.insert(newsItem('An item already in the target store.'));
    await expect(copyStore(from, to)).rejects.toThrow(TargetNotEmptyError);
    expect((await to.news.list()).map((i) => i.text)).toEqual(['An item already in the target store.']);
  });
});

// Each test runs the compiled CLI, twice at most: on a busy machine a start alone can take seconds.
describe('gsef store copy', { timeout: 60_000 }, () => {
  const gsef = (args: string[], env: NodeJS.ProcessEnv) =>
    promisify(execFile)(process.execPath, [BIN, ...args], {
      env: { ...process.env, GSEF_DATA_DIR: DATA_DIR, ...env },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        stdout: error.stdout,
        stderr: error.stderr,
      }),
    );

  it('copies GSEF_STORE_URL into --to, says what it copied, and refuses to copy twice', async () => {
    const { url } = await sourceStore(); // SQLite lets the CLI's process open it meanwhile
    const to = await freshPostgresUrl();
    const first = await gsef(['store', 'copy', '--to', to], { GSEF_STORE_URL: url });
    expect(first).toMatchObject({ code: 0, stderr: '' });
    // The target's user name is masked too: a bare userinfo may be a token.
    const shownTo = to.replace(/\/\/[^@/]*@/, '//***@');
    expect(first.stdout).toBe(
      `Copied 3 news item(s) (numbers up to #5), 3 other value(s) and 1 notice(s) awaiting delivery from ${url} to ${shownTo}.\nNext: set GSEF_STORE_URL to the --to URL and start the bot.\n`,
    );
    const again = await gsef(['store', 'copy', '--to', to], { GSEF_STORE_URL: url });
    expect(again).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'gsef store: the target store already holds 3 news item(s); copy only into an empty store\n',
    });
  });

  it('explains its usage when called without a target', async () => {
    const { code, stderr } = await gsef(['store', 'copy'], {});
    expect(code).toBe(2);
    expect(stderr).toContain('usage: gsef store copy --to URL');
  });
});
