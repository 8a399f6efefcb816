import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot.js';
import { silentLogger } from '../../../src/logger.js';
import type { PlatformAdapter } from '../../../src/messaging/platform-adapter.js';
import { restApiOf } from '../../../src/platforms/discord/discord-config.js';
import { startDiscord } from '../../../src/platforms/discord/start-discord.js';
import { botOverData, realCatalog } from '../../support/test-bot.js';
import { timedQ1, withOccurrence } from '../../support/timed-meetings.js';
import { answerTo } from './discord-answers.js';
import { sendCommand } from './discord-payloads.js';
import { APPLICATION_ID, FakeDiscord } from './fake-discord.js';

// The real discord.js client against a loopback Discord, over the seed's data with the Q1 2027
// meeting confirmed on 27 January 14:00–16:00 in Paris (13:00–15:00 UTC).
let fake: FakeDiscord;
let platform: PlatformAdapter;
let bot: Bot;

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const data = withOccurrence(await realCatalog(), timedQ1('2027-01-27', '14:00', 'Europe/Paris'));
  bot = botOverData(data, '2026-11-30T10:00:00');
  platform = await startDiscord(
    bot,
    { token: 'fake-token', applicationId: APPLICATION_ID, restApi: restApiOf(fake.baseUrl) },
    silentLogger,
  );
}, 30_000);

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
});

describe('a meeting time in Discord', () => {
  it("is written as timestamps each reader's client shows in their own zone, with the organiser's time alongside", async () => {
    const answer = await answerTo(fake, sendCommand(fake, 'agenda', [{ name: 'meeting', value: 'Q1 2027' }]));
    const fields = (answer.data.embeds ?? []).flatMap((e) => e.fields ?? []);
    expect(fields).toContainEqual({
      name: 'Time',
      value: '<t:1801054800:F>–<t:1801062000:t> (<t:1801054800:R>) · 14:00–16:00 (Europe/Paris)',
      inline: true,
    });
  });

  it('takes `tz` as a typed option, and refuses a zone that is none in the same words as the console', async () => {
    const saved = await answerTo(fake, sendCommand(fake, 'tz', [{ name: 'zone', value: 'asia/seoul' }]));
    expect(saved.data.embeds?.[0]?.title).toBe('Meeting times are now written for you in Asia/Seoul (UTC+09:00 now).');
    const refused = await answerTo(fake, sendCommand(fake, 'tz', [{ name: 'zone', value: 'Seoul' }]));
    expect(refused.data.embeds?.[0]?.title).toBe(
      '“Seoul” is not a time zone: an IANA name such as Europe/Madrid, America/Montreal or Asia/Seoul, or reset; for example: `/gsef tz Europe/Madrid`.',
    );
  });
});
