import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { Bot } from '../../src/bot.js';
import type { ReminderSettings, ReminderTarget } from '../../src/catalog/schema.js';
import type { Asker } from '../../src/domain/asker.js';
import { silentLogger } from '../../src/logger.js';
import { AttendanceBook } from '../../src/meeting-desk/attendance.js';
import type { ChannelPoster } from '../../src/messaging/platform-adapter.js';
import { ReminderJournal } from '../../src/reminders/reminder-journal.js';
import { renderText } from '../../src/reply/render-text.js';
import type { Reply } from '../../src/reply/reply.js';
import { memoryStore } from '../../src/store/memory/memory-store.js';
import type { KeyValues } from '../../src/store/store.js';
import { recordingLogger } from '../platforms/slack/slack-test-kit.js';
import { botAt } from '../support/test-bot.js';
import { SEOUL, testReminderRunner } from '../support/test-reminder-runner.js';

// The reminders of the first meeting of 2027 (last week of January), written as `npm start` writes
// them: the buttons to answer on every one, the attendance so far on the last two.

const SLACK: ReminderTarget = { platform: 'slack', channel: 'C-STEERING', languages: ['en', 'fr', 'es'] };
const DISCORD: ReminderTarget = { platform: 'discord', channel: '4242', languages: ['fr'] };
const SETTINGS: ReminderSettings = { offsets: ['P14D', 'P3D', 'P1D'], time: '09:00', targets: [SLACK, DISCORD] };

/** When each reminder of Q1 2027 falls due (the meeting's week begins on 25 January). */
const DUE = {
  P14D: DateTime.fromISO('2027-01-11T09:00', { zone: SEOUL }),
  P3D: DateTime.fromISO('2027-01-22T09:00', { zone: SEOUL }),
  P1D: DateTime.fromISO('2027-01-24T09:00', { zone: SEOUL }),
};

const secretariat: Asker = { platform: 'console', id: 'secretariat', isEditor: true };
const seoul: Asker = { platform: 'slack', id: 'U0SEOUL', isEditor: false };
const ripess: Asker = { platform: 'discord', id: '123456789012345678', isEditor: false };
const advisor: Asker = { platform: 'slack', id: 'U0ADVISOR', isEditor: false };

interface Post {
  platform: string;
  channel: string;
  reply: Reply;
}

function recordingPoster(platform: string, posts: Post[]): ChannelPoster {
  return {
    async post(channel, reply) {
      posts.push({ platform, channel, reply });
    },
  };
}

/** The bot at the 14-day reminder, its secretariat having named three people who answer. */
async function deskWithRoles(): Promise<Bot> {
  const bot = await botAt('2027-01-10');
  for (const grant of [
    'role grant slack:U0SEOUL city-of-seoul representative',
    'role grant discord:123456789012345678 ripess representative',
    'role grant slack:U0ADVISOR advisor',
  ])
    expect((await bot.answer(grant, secretariat, 'en')).status).toBe('ok');
  return bot;
}

/**
 * Runs one pass of the reminders `offset` before the meeting, when they fall due (the others left
 * out: a pass also posts those missed in the last days); returns what it posted, in the order of
 * SETTINGS.targets.
 */
async function remind(
  bot: Bot,
  offset: keyof typeof DUE,
  journal = new ReminderJournal(memoryStore()),
  logger = silentLogger,
): Promise<Post[]> {
  const posts: Post[] = [];
  const posters = { slack: recordingPoster('slack', posts), discord: recordingPoster('discord', posts) };
  const settings = { ...SETTINGS, offsets: [offset] };
  const runner = await testReminderRunner(settings, { posters, journal, clock: () => DUE[offset], bot, logger });
  await runner.runDue();
  const order = (p: Post) => SETTINGS.targets.findIndex((t) => t.platform === p.platform);
  return posts.sort((a, b) => order(a) - order(b));
}

const HEADINGS = ['Attendance so far', 'Participation à ce jour', 'Asistencia hasta ahora'];

describe('the reminders of a meeting and its attendance', () => {
  it('carry on every reminder the three buttons, labelled in each of the channel’s languages, and no attendance 14 days before', async () => {
    const bot = await deskWithRoles();
    await bot.answer('rsvp yes Q1 2027', seoul, 'en');
    const [slack, discord] = await remind(bot, 'P14D');
    expect(slack!.reply.title).toBe('Reminder: Steering Committee, Q1 2027, in 14 days');
    expect(slack!.reply.actions).toEqual([
      {
        label: 'I will attend / Je serai présent·e / Asistiré',
        command: 'rsvp yes Q1 2027',
        style: 'primary',
        eachReader: true,
      },
      {
        label: 'I cannot attend / Je ne pourrai pas venir / No podré asistir',
        command: 'rsvp no Q1 2027',
        eachReader: true,
      },
      { label: 'Not sure yet / Pas encore sûr·e / Aún no lo sé', command: 'rsvp maybe Q1 2027', eachReader: true },
    ]);
    expect(discord!.reply.actions?.map((a) => a.label)).toEqual([
      'Je serai présent·e',
      'Je ne pourrai pas venir',
      'Pas encore sûr·e',
    ]);
    for (const { reply } of [slack!, discord!]) {
      const text = renderText(reply);
      for (const heading of HEADINGS) expect(text).not.toContain(heading);
      expect(text).not.toContain('City of Seoul');
    }
    // The buttons run commands the bot knows, as whoever presses them.
    for (const action of slack!.reply.actions ?? []) expect(bot.parse(action.command).kind).toBe('command');
  });

  it.each([
    [3, 'P3D'],
    [1, 'P1D'],
  ] as const)(
    'show, %i day(s) before, the answers given so far in each of the channel’s languages',
    async (days, offset) => {
      const bot = await deskWithRoles();
      await bot.answer('rsvp yes Q1 2027', seoul, 'en');
      await bot.answer('rsvp non T1 2027', ripess, 'fr');
      await bot.answer('rsvp maybe Q1 2027', advisor, 'en');
      const [slack, discord] = await remind(bot, offset);
      expect(slack!.reply.title).toBe(`Reminder: Steering Committee, Q1 2027, in ${days} day${days === 1 ? '' : 's'}`);
      expect(slack!.reply.actions?.map((a) => a.command)).toEqual([
        'rsvp yes Q1 2027',
        'rsvp no Q1 2027',
        'rsvp maybe Q1 2027',
      ]);

      const english = sectionOf(renderText(slack!.reply), 'Attendance so far');
      expect(english).toContain('Attending (1)\n• City of Seoul\n    slack:U0SEOUL, 10 January 2027');
      expect(english).toContain('Regrets (1)\n• RIPESS\n    discord:123456789012345678, 10 January 2027');
      expect(english).toContain('Not sure yet (1)\n• advisor slack:U0ADVISOR');
      expect(english).toContain('No answer yet (11)');

      const french = sectionOf(renderText(slack!.reply), 'Participation à ce jour');
      expect(french).toContain('• Ville de Séoul');
      const spanish = sectionOf(renderText(slack!.reply), 'Asistencia hasta ahora');
      expect(spanish).toContain('• Ciudad de Seúl');
      expect(spanish).toContain('Sin respuesta (11)');

      // A channel read in French alone: the French sheet, once, and no other language's.
      const discordText = renderText(discord!.reply);
      expect(discordText.match(/Participation à ce jour/g)).toHaveLength(1);
      expect(discordText).toContain('• Ville de Séoul');
      expect(discordText).not.toContain('Attendance so far');
    },
  );

  it('carry, 3 days before and not 14, the final agenda: the standing items, then the accepted proposals', async () => {
    const bot = await deskWithRoles();
    for (const text of ['agenda propose Youth employment: results of the survey', 'agenda propose A second item'])
      expect((await bot.answer(text, seoul, 'en')).status).toBe('ok');
    expect((await bot.answer('agenda accept 1', secretariat, 'en')).status).toBe('ok');
    expect((await bot.answer('agenda decline 2 not this time', secretariat, 'en')).status).toBe('ok');
    const early = renderText((await remind(bot, 'P14D'))[0]!.reply);
    expect(early).not.toContain('Youth employment');
    const [slack, discord] = await remind(bot, 'P3D');
    const text = renderText(slack!.reply);
    expect(text).toContain('Proposed by members (accepted)\n• #1 Youth employment: results of the survey');
    expect(text).not.toContain('A second item');
    // After the standing items, in each of the channel's languages.
    expect(text.indexOf('Proposed by members')).toBeGreaterThan(text.indexOf('Agenda'));
    expect(renderText(discord!.reply)).toContain('Proposés par les membres (acceptés)');
  });

  it('shows the latest answer of a member, whichever of its representatives gave it', async () => {
    const bot = await deskWithRoles();
    await bot.answer('role grant slack:U0SEOUL2 city-of-seoul representative', secretariat, 'en');
    await bot.answer('rsvp yes Q1 2027', seoul, 'en');
    await bot.answer('rsvp no Q1 2027', { platform: 'slack', id: 'U0SEOUL2', isEditor: false }, 'en');
    const [slack] = await remind(bot, 'P3D');
    const english = sectionOf(renderText(slack!.reply), 'Attendance so far');
    expect(english).toContain('Regrets (1)\n• City of Seoul\n    slack:U0SEOUL2, 10 January 2027');
    expect(english).not.toContain('Attending');
    expect(english.match(/City of Seoul/g)).toHaveLength(1);
  });

  it('posts the reminder once, without the attendance, when the store cannot say who will attend, and warns', async () => {
    const real = await deskWithRoles();
    // The attendance's store fails as a backend that went away does: on reading.
    const unreadable: KeyValues = {
      get: () => Promise.reject(new Error('store unreachable')),
      set: () => Promise.reject(new Error('store unreachable')),
      delete: () => Promise.reject(new Error('store unreachable')),
      entries: () => ({
        [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error('store unreachable')) }),
      }),
    };
    const bot = new Bot({ ...real.services, attendance: new AttendanceBook(unreadable, silentLogger) });
    const { logger, entries } = recordingLogger();
    const journal = new ReminderJournal(memoryStore());

    const posts = await remind(bot, 'P3D', journal, logger);
    expect(posts.map((p) => [p.platform, p.reply.title])).toEqual([
      ['slack', 'Reminder: Steering Committee, Q1 2027, in 3 days'],
      ['discord', 'Rappel\u00a0: Comité Directeur, T1 2027, dans 3 jours'],
    ]);
    for (const { reply } of posts) {
      const text = renderText(reply);
      for (const heading of HEADINGS) expect(text).not.toContain(heading);
      expect(reply.actions).toHaveLength(3); // one can still answer
    }
    const warnings = entries.filter(
      (e) => e.message === 'could not read who will attend; the reminder goes without it',
    );
    expect(warnings.map((w) => w.level)).toEqual(['warn', 'warn']);
    expect(String(warnings[0]!.context.error)).toContain('store unreachable');
    expect((await journal.all()).map((r) => r.record.status)).toEqual(['posted', 'posted']);
    // Another pass finds them posted: nothing goes out again.
    expect(await remind(bot, 'P3D', journal, logger)).toEqual([]);
  });
});

/** The part of a reminder's text from `heading` to the next section (another language) or the end. */
function sectionOf(text: string, heading: string): string {
  const start = text.indexOf(heading);
  expect(start, `"${heading}" in the reminder`).toBeGreaterThanOrEqual(0);
  const next = text.indexOf('———', start);
  return text.slice(start, next === -1 ? undefined : next);
}
