import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logger.js';
import { restApiOf } from '../../../src/platforms/discord/discord-config.js';
import { startDiscord } from '../../../src/platforms/discord/start-discord.js';
import type { PlatformAdapter } from '../../../src/messaging/platform-adapter.js';
import { botAt } from '../../support/test-bot.js';
import { answerTo } from './discord-answers.js';
import { sendCommand } from './discord-payloads.js';
import { APPLICATION_ID, FakeDiscord } from './fake-discord.js';

// undici keeps one process-wide HTTP dispatcher, shared by every copy of it that a process loads,
// and set by whichever copy loads first. Here, as when Bolt's Socket Mode is loaded before
// discord.js, it is undici 7's; discord.js's own undici 6 must not depend on it.
const GLOBAL_DISPATCHER = Symbol.for('undici.globalDispatcher.1');
type Globals = Record<symbol, unknown>;

let fake: FakeDiscord;
let platform: PlatformAdapter;
let before: unknown;

beforeAll(async () => {
  before = (globalThis as Globals)[GLOBAL_DISPATCHER];
  const socketModesUndici = createRequire(import.meta.resolve('@slack/socket-mode'))('undici') as {
    Agent: new () => unknown;
    setGlobalDispatcher(agent: unknown): void;
  };
  socketModesUndici.setGlobalDispatcher(new socketModesUndici.Agent());
  fake = await FakeDiscord.start();
  const bot = await botAt('2019-05-10', silentLogger);
  platform = await startDiscord(
    bot,
    { token: 'fake-token', applicationId: APPLICATION_ID, restApi: restApiOf(fake.baseUrl) },
    silentLogger,
  );
}, 30_000);

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
  (globalThis as Globals)[GLOBAL_DISPATCHER] = before;
});

describe('discord.js with another library owning undici’s global dispatcher', () => {
  it('still sends files: the calendar arrives as an .ics attachment', async () => {
    const answer = await answerTo(fake, sendCommand(fake, 'calendar', [{ name: 'region', value: 'africa' }]));
    expect(answer.request.files).toHaveLength(1);
    expect(answer.request.files[0]!.content).toContain('BEGIN:VCALENDAR');
  });
});
