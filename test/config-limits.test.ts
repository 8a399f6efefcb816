import { describe, expect, it } from 'vitest';
import { BoundedMap } from '../src/bounded-map.js';
import { parseInstant } from '../src/clock.js';
import { readCoreConfig, readReminderEnv } from '../src/config.js';
import { quoted } from '../src/env-value.js';
import { ConfigError, DataError } from '../src/errors.js';
import { readDiscordConfig } from '../src/platforms/discord/discord-config.js';
import { readSlackConfig } from '../src/platforms/slack/slack-config.js';
import { maskCredentials, withoutPassword } from '../src/url-credentials.js';

function refusal(read: () => unknown): ConfigError {
  try {
    read();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('settings with runaway values', () => {
  it.each([
    ['GSEF_NOW', { GSEF_NOW: '2019-05-10'.repeat(100_000) }],
    ['GSEF_TZ', { GSEF_TZ: 'Asia/Seoul'.repeat(100_000) }],
    ['GSEF_LANG', { GSEF_LANG: 'e'.repeat(1_000_000) }],
    ['GSEF_STORE_URL', { GSEF_STORE_URL: `postgres://u:${'p'.repeat(1_000_000)}@h/db` }],
    ['GSEF_DATA_DIR', { GSEF_DATA_DIR: 'd'.repeat(1_000_000) }],
  ])('%s of a megabyte: refused, in a short message', (variable, env) => {
    // A reading whose time grew with the value's size would run into the test's timeout, the one time limit.
    const error = refusal(() => readCoreConfig(env));
    expect(error.variable).toBe(variable);
    expect(error.message.length).toBeLessThan(300);
  });

  it('quotes at most 40 characters of a value', () => {
    expect(quoted('x'.repeat(1000))).toBe(`"${'x'.repeat(40)}…"`);
    expect(quoted('fr')).toBe('"fr"');
  });

  it('reads the reminder settings up front, naming the bad one', () => {
    expect(readReminderEnv({})).toEqual({
      languages: ['en', 'fr', 'es'],
      slackChannel: undefined,
      discordChannel: undefined,
    });
    expect(
      readReminderEnv({ GSEF_REMINDER_LANGUAGES: ' FR, es ', GSEF_REMINDER_SLACK_CHANNEL: 'C0123ABCD' }),
    ).toMatchObject({ languages: ['fr', 'es'], slackChannel: 'C0123ABCD' });
    expect(refusal(() => readReminderEnv({ GSEF_REMINDER_LANGUAGES: 'de' })).variable).toBe('GSEF_REMINDER_LANGUAGES');
    expect(refusal(() => readReminderEnv({ GSEF_REMINDER_DISCORD_CHANNEL: '#news' })).variable).toBe(
      'GSEF_REMINDER_DISCORD_CHANNEL',
    );
  });

  it('accepts only a HOST this machine can listen on', () => {
    const http = { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' };
    for (const host of ['0.0.0.0', '::', '127.0.0.1', '::1', 'localhost'])
      expect(readSlackConfig({ ...http, HOST: host })?.connection).toMatchObject({ host });
    for (const host of ['exa mple', 'http://0.0.0.0', '203.0.113.7', 'h'.repeat(100_000)])
      expect(refusal(() => readSlackConfig({ ...http, HOST: host })).variable).toBe('HOST');
  });
});

describe('the core settings, read without zod (every one-shot answer reads them)', () => {
  // The messages zod gave these checks before, and still gives the platforms' settings.
  it.each([
    [{ GSEF_DATA_DIR: '' }, 'GSEF_DATA_DIR: Too small: expected string to have >=1 characters'],
    [{ GSEF_NOW: '' }, 'GSEF_NOW: Too small: expected string to have >=1 characters'],
    [{ GSEF_STORE_URL: '' }, 'GSEF_STORE_URL: Too small: expected string to have >=1 characters'],
    [{ GSEF_TZ: 'x'.repeat(65) }, 'GSEF_TZ: is longer than 64 characters'],
    [{ GSEF_LANG: 'e'.repeat(17) }, 'GSEF_LANG: is longer than 16 characters'],
    [{ GSEF_LOG_LEVEL: 'verbose' }, 'GSEF_LOG_LEVEL: use one of info, warn, error'],
    [{ GSEF_LOG_LEVEL: '' }, 'GSEF_LOG_LEVEL: use one of info, warn, error'],
    [{ GSEF_LANG: '' }, 'GSEF_LANG: "" is not a language the bot speaks; use one of en, fr, es'],
    // Every variable's form is checked before any value is read: the first in the settings' order is named.
    [
      { GSEF_LOG_LEVEL: 'loud', GSEF_LANG: 'de', GSEF_NOW: '' },
      'GSEF_NOW: Too small: expected string to have >=1 characters',
    ],
    [{ GSEF_LOG_LEVEL: 'loud', GSEF_LANG: 'de' }, 'GSEF_LOG_LEVEL: use one of info, warn, error'],
  ])('refuses %j: %s', (env, message) => {
    expect(refusal(() => readCoreConfig(env)).message).toBe(message);
  });

  it('takes the defaults for unset variables, and an empty zone or language as given', () => {
    const config = readCoreConfig({ GSEF_LOG_LEVEL: 'error', GSEF_LANG: 'fr' });
    expect(config).toMatchObject({ lang: 'fr', logLevel: 'error', now: undefined, timeZone: undefined });
    expect(config.storeUrl).toMatch(/^sqlite:\/\/.*gsef\.sqlite$/);
    expect(config.dataDir).toMatch(/data$/);
    expect(refusal(() => readCoreConfig({ GSEF_TZ: '' })).variable).toBe('GSEF_TZ');
  });
});

describe('store URLs shown in messages', () => {
  it.each([
    ['postgres://gsef:s3cret@db:5432/gsef', 'postgres://gsef:***@db:5432/gsef'],
    ['postgres://gsef:p@ss@db/gsef', 'postgres://gsef:***@db/gsef'],
    [
      'postgresql://gsef@db/gsef?password=s3cret&sslmode=verify-full',
      'postgresql://***@db/gsef?password=***&sslmode=verify-full',
    ],
    ['postgres://db/gsef?sslpassword=s3cret', 'postgres://db/gsef?sslpassword=***'],
    ['redis://:s3cret@cache:6379', 'redis://***@cache:6379'],
    ['rediss://default:s3cret@cache:6379/0', 'rediss://default:***@cache:6379/0'],
    ['redis://token-only@cache', 'redis://***@cache'],
    ['postgres://u:pa?ss@db/gsef', 'postgres://u:***@db/gsef'],
    ['sqlite://var/gsef.sqlite', 'sqlite://var/gsef.sqlite'],
  ])('%s shows as %s', (url, shown) => {
    expect(withoutPassword(url)).toBe(shown);
  });

  it('masks the secrets a driver quotes, raw or decoded', () => {
    const url = 'postgres://gsef:p%40ss@db/gsef?sslpassword=k3y';
    expect(maskCredentials(`no luck with ${url}: password "p@ss" refused, key k3y`, url)).toBe(
      'no luck with postgres://gsef:***@db/gsef?sslpassword=***: password "***" refused, key ***',
    );
  });
});

describe('BoundedMap', () => {
  it('keeps at most its capacity under a flood of new keys, dropping the least recently used', () => {
    const map = new BoundedMap<string, number>(100);
    map.set('regular', 0);
    for (let i = 0; i < 100_000; i++) {
      map.set(`U${i}`, i);
      if (i % 50 === 0) expect(map.get('regular')).toBe(0);
    }
    expect(map.size).toBe(100);
    expect(map.get('regular')).toBe(0);
    expect(map.get('U0')).toBeUndefined();
    expect(map.get('U99999')).toBe(99999);
  });

  it('reads the entry used last as often as asked without moving it, and still drops the least recent', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1).set('b', 2);
    expect([map.get('b'), map.get('b'), map.get('a')]).toEqual([2, 2, 1]);
    map.set('c', 3);
    expect([map.get('b'), map.get('a'), map.get('c')]).toEqual([undefined, 1, 3]);
    map.delete('c');
    expect(map.get('c')).toBeUndefined();
    map.set('d', 4).set('e', 5);
    expect([map.get('a'), map.get('d'), map.get('e')]).toEqual([undefined, 4, 5]);
  });
});

describe('settings that must stay one line and never show a secret', () => {
  const secret = 'hunter2zq0123456789';
  const http = { SLACK_SIGNING_SECRET: 'test-secret' };
  it.each([
    ['SLACK_BOT_TOKEN', { ...http, SLACK_BOT_TOKEN: `xoxb-1234-${secret}\nx` }],
    ['SLACK_BOT_TOKEN', { ...http, SLACK_BOT_TOKEN: `xoxb-1234-${secret}\n` }],
    ['SLACK_BOT_TOKEN', { ...http, SLACK_BOT_TOKEN: `xoxb-1234-${secret} 2` }],
    ['SLACK_BOT_TOKEN', { ...http, SLACK_BOT_TOKEN: `xoxb-1234-${secret}é€` }],
    ['SLACK_APP_TOKEN', { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: `xapp-1-${secret}\nx` }],
    ['SLACK_APP_TOKEN', { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: `xapp-1-${secret}\u0000` }],
    ['SLACK_SIGNING_SECRET', { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: `${secret}\r\n` }],
    ['SLACK_SIGNING_SECRET', { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: `${secret}\u2028` }],
  ])(
    'a %s with a line break, a space or a non-ASCII character is refused naming it, not quoting it',
    (variable, env) => {
      const error = refusal(() => readSlackConfig(env));
      expect(error.variable).toBe(variable);
      expect(error.message).not.toContain(secret.slice(0, 6));
      expect(error.message).not.toMatch(/[\n\r]/);
    },
  );

  it.each([
    ['DISCORD_TOKEN', { DISCORD_TOKEN: `abc${secret}\ndef`, DISCORD_APPLICATION_ID: '123456789012345678' }],
    ['DISCORD_TOKEN', { DISCORD_TOKEN: `abc${secret}ÿ`, DISCORD_APPLICATION_ID: '123456789012345678' }],
    ['DISCORD_APPLICATION_ID', { DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: `1234567890${secret}\n` }],
  ])('a %s with a line break or a non-ASCII character is refused naming it, not quoting it', (variable, env) => {
    const error = refusal(() => readDiscordConfig(env));
    expect(error.variable).toBe(variable);
    expect(error.message).not.toContain(secret.slice(0, 6));
  });

  it('still accepts the tokens as Slack and Discord issue them', () => {
    expect(
      readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1234-5678-AbCd', SLACK_APP_TOKEN: 'xapp-1-A1-2-ff' })?.connection,
    ).toEqual({ kind: 'socket', appToken: 'xapp-1-A1-2-ff' });
    expect(
      readDiscordConfig({ DISCORD_TOKEN: ' MTA.Gx_-y.z ', DISCORD_APPLICATION_ID: '123456789012345678' })?.token,
    ).toBe('MTA.Gx_-y.z');
  });

  it('quotes a value with its control characters escaped, so an error stays one line', () => {
    expect(quoted('data\n')).toBe('"data\\n"');
    expect(quoted('a\u0000b\u001b[2J\u2028"\\')).toBe('"a\\u0000b\\u001b[2J\\u2028\\"\\\\"');
    for (const env of [{ GSEF_LANG: 'en\n' }, { GSEF_TZ: 'Asia/Seoul\r\n' }, { GSEF_NOW: '2026-11-10\nx' }]) {
      expect(refusal(() => readCoreConfig(env)).message).not.toMatch(/[\n\r]/);
    }
  });

  it('names a data folder with a line break on one line', () => {
    const [line, ...more] = new DataError([{ file: 'data\n', message: 'does not exist' }]).report('Cannot start: ');
    expect(more).toEqual([]);
    expect(line).toBe('Cannot start: data\\n: does not exist');
  });

  it.each([
    '+275760-09-13',
    '9999-12-31T23:59:59Z',
    '-000001-01-01',
    '0001-01-01',
    '1899-12-31T23:59:59Z',
    '3000-01-01',
  ])('refuses GSEF_NOW=%s, a year the bot cannot answer about, saying which years it can', (now) => {
    const error = refusal(() => readCoreConfig({ GSEF_NOW: now }));
    expect(error.variable).toBe('GSEF_NOW');
    expect(error.message).toMatch(/from 1900 to 2999/);
    expect(refusal(() => readCoreConfig({}, { now })).variable).toBe('--now');
    expect(parseInstant(now, 'UTC')).toBeUndefined();
  });

  it('accepts GSEF_NOW from 1900 to 2999, whatever the zone', () => {
    for (const now of ['1900-01-02', '2019-05-10T09:00:00+09:00', '2999-12-31T23:59:59Z'])
      expect(readCoreConfig({ GSEF_NOW: now, GSEF_TZ: 'Asia/Seoul' }).now).toBe(now);
  });
});
