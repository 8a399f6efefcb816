import { describe } from 'vitest';
import { startConsoleDriver } from './console-driver.js';
import { converse } from './conversation.js';
import { startDiscordDriver } from './discord-driver.js';
import { startLoopbackDriver } from './loopback-driver.js';
import { startSlackDriver } from './slack-driver.js';

// The same conversation on every platform, each through its real adapter: the console's prompt
// over streams, the real Bolt and discord.js apps against fakes of Slack's and Discord's servers
// on 127.0.0.1, and the in-memory loopback platform, started as `npm start` starts platforms.
describe.each([
  { platform: 'the console', start: startConsoleDriver },
  { platform: 'Slack', start: startSlackDriver },
  { platform: 'Discord', start: startDiscordDriver },
  { platform: 'the loopback platform', start: startLoopbackDriver },
])('the conversation on $platform', ({ start }) => converse(start));
