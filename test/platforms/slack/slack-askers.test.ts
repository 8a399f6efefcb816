import { webApi } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { FAILED_LOOKUP_TTL_MS, LOCALE_TTL_MS, SlackAskers } from '../../../src/platforms/slack/slack-askers.js';
import { FakeSlackApi } from './fake-slack-api.js';

let fake: FakeSlackApi;
let client: webApi.WebClient;

beforeAll(async () => {
  fake = await FakeSlackApi.start();
  fake.locales.set('UFR', 'fr-FR');
  fake.names.set('UANA', 'Ana García');
  fake.zones.set('UFR', 'europe/paris');
  fake.zones.set('UODD', 'Europe/Atlantis');
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } });
});

afterAll(async () => {
  await fake.close();
});

function lookupsOf(user: string): number {
  return fake.callsTo('users.info').filter((c) => c.body.user === user).length;
}

describe('SlackAskers', () => {
  it('puts the Slack locale and time zone into the asker, looked up once per user until it expires', async () => {
    let now = 0;
    const askers = new SlackAskers(client, silentLogger, { now: () => now });
    const [first, second] = await Promise.all([askers.asker('UFR', 'marie'), askers.asker('UFR')]);
    expect(first).toEqual({
      platform: 'slack',
      id: 'UFR',
      displayName: 'marie',
      locale: 'fr-FR',
      timeZone: 'Europe/Paris',
      isEditor: false,
    });
    expect(second.locale).toBe('fr-FR');
    expect(lookupsOf('UFR')).toBe(1);
    now = LOCALE_TTL_MS - 1;
    await askers.asker('UFR');
    expect(lookupsOf('UFR')).toBe(1);
    now = LOCALE_TTL_MS + 1;
    await askers.asker('UFR');
    expect(lookupsOf('UFR')).toBe(2);
  });

  it('answers without a locale when Slack fails, and asks again only after a short while', async () => {
    let now = 0;
    const askers = new SlackAskers(client, silentLogger, { now: () => now });
    fake.failNext('users.info', 1, { status: 500 });
    expect((await askers.asker('UDOWN')).locale).toBeUndefined();
    now = FAILED_LOOKUP_TTL_MS - 1;
    expect((await askers.asker('UDOWN')).locale).toBeUndefined();
    now = FAILED_LOOKUP_TTL_MS + 1;
    expect((await askers.asker('UDOWN')).locale).toBe('en-US');
    expect(lookupsOf('UDOWN')).toBe(2);
  });

  it('leaves out a profile time zone that names no zone the bot knows', async () => {
    const askers = new SlackAskers(client, silentLogger);
    expect(await askers.asker('UODD')).not.toHaveProperty('timeZone');
  });

  it('knows the newsletter editors as the rules say, and no one else', async () => {
    const askers = new SlackAskers(client, silentLogger, { isEditor: (userId) => userId === 'UEDITOR' });
    expect((await askers.asker('UEDITOR')).isEditor).toBe(true);
    expect((await askers.asker('UOTHER')).isEditor).toBe(false);
    expect((await new SlackAskers(client, silentLogger).asker('UEDITOR')).isEditor).toBe(false);
  });

  it("tells an app's bot user from a person, with the lookup that gives their language", async () => {
    fake.bots.add('UAPPBOT');
    const askers = new SlackAskers(client, silentLogger);
    const lookups = () => fake.callsTo('users.info').filter((c) => c.body.user === 'UAPPBOT').length;
    const before = lookups();
    await askers.asker('UAPPBOT');
    expect(await askers.isBot('UAPPBOT')).toBe(true);
    expect(lookups() - before).toBe(1);
    expect(await askers.isBot('UFR')).toBe(false);
  });

  it('names the user as Slack shows them when the payload gives no name, and keeps where they asked', async () => {
    const askers = new SlackAskers(client, silentLogger);
    expect(await askers.asker('UANA', undefined, { channel: 'C1' })).toEqual({
      platform: 'slack',
      id: 'UANA',
      displayName: 'Ana García',
      locale: 'en-US',
      isEditor: false,
      origin: { channel: 'C1' },
    });
    expect((await askers.asker('UANA', 'ana')).displayName).toBe('ana');
    expect((await askers.asker('UNONAME')).displayName).toBe('unoname');
  });

  it('keeps a bounded cache under a flood of new users, and a regular user stays cached', async () => {
    const askers = new SlackAskers(client, silentLogger, { maxCachedUsers: 5 });
    fake.locales.set('UREGULAR', 'fr-FR');
    await askers.asker('UREGULAR');
    for (let i = 0; i < 40; i++) {
      await askers.asker(`UFLOOD${i}`);
      expect((await askers.asker('UREGULAR')).locale).toBe('fr-FR');
    }
    // The regular user was looked up once; the earliest of the flood were forgotten.
    expect(lookupsOf('UREGULAR')).toBe(1);
    await askers.asker('UFLOOD0');
    expect(lookupsOf('UFLOOD0')).toBe(2);
  });
});
