import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../../../commands/index.js';
import { printSlackManifest } from '../../../src/cli/slack-manifest.js';
import { NEWS_SHORTCUT_CALLBACK_ID } from '../../../src/platforms/slack/slack-ids.js';
import { DATA_DIR } from '../../support/test-bot.js';

/** What `gsef slack-manifest <args>` prints and its exit code, run in-process. */
async function manifest(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await printSlackManifest(
    args,
    { GSEF_DATA_DIR: DATA_DIR },
    (t) => stdout.push(t),
    (t) => stderr.push(t),
  );
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('gsef slack-manifest', () => {
  // Runs the compiled CLI: on a busy machine a start alone can take seconds.
  it('is a subcommand of the compiled CLI that prints YAML', { timeout: 60_000 }, async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.resolve(import.meta.dirname, '../../../bin/gsef.js'), 'slack-manifest', '--socket'],
      {
        env: { ...process.env, GSEF_DATA_DIR: DATA_DIR },
      },
    );
    expect(parse(stdout).features.slash_commands[0].command).toBe('/gsef');
  });

  it('holds /gsef with its subcommands, the scopes, the events and interactivity, for HTTP by default', async () => {
    const { code, stdout } = await manifest([]);
    expect(code).toBe(0);
    const parsed = parse(stdout);
    const [slash] = parsed.features.slash_commands;
    expect(slash).toMatchObject({
      command: '/gsef',
      url: 'https://YOUR-HOST/slack/events',
      description: 'Ask about GSEF events, members and meetings',
    });
    for (const command of COMMANDS) expect(slash.usage_hint).toContain(command.name);
    expect(parsed.oauth_config.scopes.bot).toEqual([
      'commands',
      'chat:write',
      'app_mentions:read',
      'im:history',
      'im:read',
      'im:write',
      'users:read',
      'files:write',
      'channels:history',
      'groups:history',
      'reactions:read',
    ]);
    expect(parsed.settings.event_subscriptions).toEqual({
      request_url: 'https://YOUR-HOST/slack/events',
      bot_events: ['app_mention', 'message.im', 'message.channels', 'message.groups', 'reaction_added'],
    });
    expect(parsed.settings.interactivity).toEqual({ is_enabled: true, request_url: 'https://YOUR-HOST/slack/events' });
    expect(parsed.settings.socket_mode_enabled).toBe(false);
    expect(parsed.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('uses the given base URL, and no request URL at all with --socket', async () => {
    const http = parse((await manifest(['--url', 'https://gsef-bot.example.org/'])).stdout);
    expect(http.settings.interactivity.request_url).toBe('https://gsef-bot.example.org/slack/events');
    const socket = parse((await manifest(['--socket'])).stdout);
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toContain('request_url');
    expect(socket.features.slash_commands[0].url).toBeUndefined();
  });

  it('refuses a URL Slack would not call, and an unknown flag, with a reason', async () => {
    const http = await manifest(['--url', 'http://localhost:3000']);
    expect(http.code).toBe(2);
    expect(http.stderr).toContain('https');
    const flag = await manifest(['--sockets']);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('usage: gsef slack-manifest');
  });

  it('holds the message shortcut "Send to GSEF newsletter", named in English, with the callback id the bot listens to', async () => {
    const parsed = parse((await manifest([])).stdout);
    expect(parsed.features.shortcuts).toEqual([
      {
        name: 'Send to GSEF newsletter',
        type: 'message',
        callback_id: NEWS_SHORTCUT_CALLBACK_ID,
        description:
          'Sends this message to the queue of the GSEF monthly newsletter, for the editorial committee to review.',
      },
    ]);
    // Slack's limits: a shortcut description of at most 150 characters; a short name fits the message menu.
    expect(parsed.features.shortcuts[0].description.length).toBeLessThanOrEqual(150);
    expect(parsed.features.shortcuts[0].name.length).toBeLessThanOrEqual(24);
  });
});
