import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/errors.js';
import { readSlackConfig } from '../../../src/platforms/slack/slack-config.js';

function failure(env: NodeJS.ProcessEnv): ConfigError {
  try {
    readSlackConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('readSlackConfig', () => {
  it('leaves Slack off when no Slack variable is set (or only empty ones), whatever PORT holds', () => {
    expect(readSlackConfig({})).toBeUndefined();
    expect(readSlackConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: '', PORT: 'abc' })).toBeUndefined();
  });

  it('reads HTTP mode with the defaults for PORT and HOST', () => {
    expect(readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3cret' })).toEqual({
      botToken: 'xoxb-1',
      connection: { kind: 'http', signingSecret: 's3cret', port: 3000, host: '0.0.0.0' },
      apiUrl: undefined,
    });
    expect(
      readSlackConfig({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        PORT: '8080',
        HOST: '127.0.0.1',
        SLACK_API_URL: 'http://127.0.0.1:9/api/',
      }),
    ).toMatchObject({
      connection: { port: 8080, host: '127.0.0.1' },
      apiUrl: 'http://127.0.0.1:9/api/',
    });
  });

  it('reads Socket Mode, which wins over a signing secret also set', () => {
    expect(
      readSlackConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' })?.connection,
    ).toEqual({ kind: 'socket', appToken: 'xapp-1' });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET', /SLACK_APP_TOKEN/],
    [{ SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN', /xoxb-/],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN', /xoxb-/],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN', /xoxb-/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-1' }, 'SLACK_APP_TOKEN', /xapp-/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', PORT: '70000' }, 'PORT', /0 to 65535/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: 'slack.com' }, 'SLACK_API_URL', /http/],
  ])('refuses %j, naming %s', (env, variable, hint) => {
    const error = failure(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toMatch(hint);
  });
});
