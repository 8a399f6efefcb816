import type { APIActionRowComponent, APIButtonComponentWithCustomId } from 'discord.js';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot.js';
import type { ReminderSettings } from '../../../src/catalog/schema.js';
import type { Asker } from '../../../src/domain/asker.js';
import { createLogger } from '../../../src/logger.js';
import type { PlatformAdapter } from '../../../src/messaging/platform-adapter.js';
import { restApiOf } from '../../../src/platforms/discord/discord-config.js';
import { DISCORD_MAX_CUSTOM_ID } from '../../../src/platforms/discord/render-discord.js';
import { startDiscord } from '../../../src/platforms/discord/start-discord.js';
import { ReminderJournal } from '../../../src/reminders/reminder-journal.js';
import { memoryStore } from '../../../src/store/memory/memory-store.js';
import { botAt } from '../../support/test-bot.js';
import { SEOUL, testReminderRunner } from '../../support/test-reminder-runner.js';
import { answerTo, type Answer } from './discord-answers.js';
import { PERSON, sendButton, sendCommand, type Person } from './discord-payloads.js';
import { APPLICATION_ID, BOT_USER, FakeDiscord } from './fake-discord.js';

// The answer buttons of a steering committee reminder, posted through the real discord.js client
// to the loopback Discord and pressed as Discord sends the presses (INTERACTION_CREATE, type 3).

let fake: FakeDiscord;
let platform: PlatformAdapter;
let bot: Bot;

const STEERING = '800000000000000030';
const secretariat: Asker = { platform: 'console', id: 'secretariat', isEditor: true };
const person = (id: string, username: string): Person => ({ ...PERSON, id, username, global_name: username });
/** A representative of the City of Seoul, and someone with no role (PERSON). */
const SEOUL_REP = person('500000000000000021', 'jiwoo');

/** The reminder as Discord keeps it, and its buttons. */
let reminder: Record<string, unknown>;
let customIds: string[];

beforeAll(async () => {
  fake = await FakeDiscord.start();
  bot = await botAt('2019-05-10');
  platform = await startDiscord(
    bot,
    { token: 'fake-token', applicationId: APPLICATION_ID, restApi: restApiOf(fake.baseUrl) },
    createLogger('error', () => {}),
  );
  const granted = await bot.answer(`role grant discord:${SEOUL_REP.id} city-of-seoul representative`, secretariat);
  expect(granted.status).toBe('ok');
  // The 14-day reminder of the July 2019 meeting (8 July), posted by the runner through the client.
  const settings: ReminderSettings = {
    offsets: ['P14D'],
    time: '09:00',
    targets: [{ platform: 'discord', channel: STEERING, languages: ['en'] }],
  };
  const runner = await testReminderRunner(settings, {
    posters: { discord: platform },
    journal: new ReminderJournal(memoryStore()),
    clock: () => DateTime.fromISO('2019-06-24T09:00', { zone: SEOUL }),
    bot,
  });
  await runner.runDue();
  const posted = postedIn(STEERING);
  expect(posted).toHaveLength(1);
  reminder = posted[0]!;
  const rows = (reminder.components ?? []) as APIActionRowComponent<APIButtonComponentWithCustomId>[];
  customIds = rows.flatMap((row) => row.components.map((button) => button.custom_id));
}, 30_000);

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
});

function postedIn(channel: string): Record<string, unknown>[] {
  return [...fake.messages.values()].filter(
    (m) => m.channel_id === channel && (m.author as { id: string }).id === BOT_USER.id,
  );
}

const titleOf = (answer: Answer) => answer.data.embeds?.[0]?.title;

/** What the store holds for the July 2019 meeting, every answer given. */
const history = () => bot.services.attendance.history('sc-2019-q3');

describe('the answer buttons of a reminder on Discord', () => {
  it('are the three answers, each custom_id the command it runs, within Discord’s 100 characters', () => {
    expect(customIds).toEqual(['gsef:rsvp yes Q3 2019', 'gsef:rsvp no Q3 2019', 'gsef:rsvp maybe Q3 2019']);
    for (const id of customIds) expect(id.length).toBeLessThanOrEqual(DISCORD_MAX_CUSTOM_ID);
  });

  it('record the answer of the member whose representative pressed, told to them alone', async () => {
    const answer = await answerTo(fake, sendButton(fake, customIds[0]!, reminder, { user: SEOUL_REP }));
    expect(answer.ephemeral).toBe(true);
    expect(titleOf(answer)).toBe('Noted: City of Seoul will attend — Steering Committee, Q3 2019.');
    expect(await bot.services.attendance.current('sc-2019-q3')).toEqual([
      expect.objectContaining({
        respondent: { kind: 'member', member: 'city-of-seoul' },
        answer: 'yes',
        by: { platform: 'discord', id: SEOUL_REP.id },
      }),
    ]);
  });

  it('pressed by someone with no role, refuse politely and record nothing', async () => {
    const before = await history();
    const answer = await answerTo(fake, sendButton(fake, customIds[1]!, reminder, { user: PERSON }));
    expect(answer.ephemeral).toBe(true);
    expect(titleOf(answer)).toMatch(/^Only steering committee representatives and advisors answer for a meeting\./);
    expect(await history()).toEqual(before);
  });

  it('with a tampered custom_id, or for a meeting that is past, record nothing', async () => {
    const before = await history();
    const tampered = await answerTo(fake, sendButton(fake, 'gsef:rsvp yes Q9 2027', reminder, { user: SEOUL_REP }));
    expect(tampered.ephemeral).toBe(true);
    expect(titleOf(tampered)).toMatch(/^“Q9” is not a meeting/);
    const past = await answerTo(fake, sendButton(fake, 'gsef:rsvp yes Q1 2019', reminder, { user: SEOUL_REP }));
    expect(titleOf(past)).toBe(
      'Steering Committee, Q1 2019 has already taken place: its attendance can no longer change.',
    );
    expect(await history()).toEqual(before);
    expect(await bot.services.attendance.history('sc-2019-q1')).toEqual([]);
  });

  it('leave the reminder as it was posted: neither posted again nor edited', () => {
    expect(postedIn(STEERING)).toHaveLength(1);
    expect(fake.requestsTo('PATCH', new RegExp(`/channels/${STEERING}/messages/`))).toEqual([]);
  });
});

describe('/gsef attendance on Discord', () => {
  it('with csv, sends the sheet as a CSV file attachment', async () => {
    const answer = await answerTo(
      fake,
      sendCommand(fake, undefined, [], {
        data: {
          id: '700000000000000007',
          name: 'gsef',
          type: 1,
          options: [
            {
              name: 'attendance',
              type: 1,
              options: [
                { name: 'meeting', type: 3, value: 'Q3 2019' },
                { name: 'csv', type: 5, value: true },
              ],
            },
          ],
        },
      }),
    );
    expect(answer.request.files).toHaveLength(1);
    const [file] = answer.request.files;
    expect(file).toMatchObject({ filename: 'gsef-attendance-sc-2019-q3.csv' });
    const lines = file!.content.split('\r\n');
    expect(lines[0]).toBe('"meeting","respondent","name","answer","answered by","answered at (UTC)"');
    expect(lines[1]).toMatch(
      new RegExp(`^"sc-2019-q3","city-of-seoul","City of Seoul","will attend","discord:${SEOUL_REP.id}","[^"]+"$`),
    );
    // The 13 members of the committee, the header, and the empty string after the last CRLF.
    expect(lines).toHaveLength(15);
    expect(lines.at(-1)).toBe('');
    expect(titleOf(answer)).toBe('Attendance — Steering Committee, Q3 2019');
  });
});
