import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { readDiscordConfig } from '../../../src/platforms/discord/discord-config.js';

const APP = '100000000000000001';

describe('readDiscordConfig', () => {
  it('is off when neither the token nor the application id is set (empty counts as unset)', () => {
    expect(readDiscordConfig({})).toBeUndefined();
    expect(readDiscordConfig({ DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: ' ' })).toBeUndefined();
  });

  it('reads the token and the application id, and Discord own API by default', () => {
    expect(readDiscordConfig({ DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: APP })).toEqual({
      token: 'abc',
      applicationId: APP,
      restApi: undefined,
      newsReactions: false,
    });
  });

  it.each([
    ['on', true],
    ['ON ', true],
    ['true', true],
    ['1', true],
    ['yes', true],
    ['off', false],
    ['0', false],
    ['', false],
  ])('reads DISCORD_NEWS_REACTIONS=%j as %s', (value, on) => {
    expect(
      readDiscordConfig({ DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: APP, DISCORD_NEWS_REACTIONS: value })
        ?.newsReactions,
    ).toBe(on);
  });

  it.each([
    'http://127.0.0.1:8080',
    'http://127.0.0.1:8080/',
    'http://127.0.0.1:8080/api',
    'http://127.0.0.1:8080/api/',
  ])('takes DISCORD_API_URL %s as the base of the REST API', (url) => {
    expect(
      readDiscordConfig({ DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: url })?.restApi,
    ).toBe('http://127.0.0.1:8080/api');
  });

  it.each([
    [{ DISCORD_TOKEN: 'abc' }, 'DISCORD_APPLICATION_ID', /DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is not/],
    [{ DISCORD_APPLICATION_ID: APP }, 'DISCORD_TOKEN', /DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is not/],
    [{ DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: 'my-bot' }, 'DISCORD_APPLICATION_ID', /numeric application id/],
    [
      { DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: 'ftp://example.org' },
      'DISCORD_API_URL',
      /http\(s\) URL/,
    ],
    [
      { DISCORD_TOKEN: 'abc', DISCORD_APPLICATION_ID: APP, DISCORD_NEWS_REACTIONS: 'maybe' },
      'DISCORD_NEWS_REACTIONS',
      /on or off/,
    ],
  ])('refuses %j, naming %s', (env, variable, message) => {
    const error = (() => {
      try {
        readDiscordConfig(env);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ variable, message: expect.stringMatching(message) });
  });
});
