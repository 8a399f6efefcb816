import { GatewayIntentBits, type APIEmbed } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../commands/index.js';
import { Bot } from '../../../src/bot.js';
import { ConfigError } from '../../../src/errors.js';
import { defineCommand } from '../../../src/dispatch/command.js';
import type { Asker } from '../../../src/domain/asker.js';
import type { Lang } from '../../../src/domain/vocabulary.js';
import { createLogger } from '../../../src/logger.js';
import { restApiOf } from '../../../src/platforms/discord/discord-config.js';
import { startDiscord } from '../../../src/platforms/discord/start-discord.js';
import type { PlatformAdapter } from '../../../src/messaging/platform-adapter.js';
import { reply, type Reply } from '../../../src/reply/reply.js';
import { botAt, itemTitles } from '../../support/test-bot.js';
import { DM_CHANNEL_ID, PERSON, sendCommand, sendMessage, type OptionValue } from './discord-payloads.js';
import { answerTo as answerOf, replyTo, type Answer } from './discord-answers.js';
import { APPLICATION_ID, BOT_USER, CHANNEL_ID, FakeDiscord } from './fake-discord.js';
import { waitFor } from '../../support/wait-for.js';

// The real discord.js client, started as `npm start` starts it, against a loopback Discord.
let fake: FakeDiscord;
let platform: PlatformAdapter;
let bot: Bot;
const logs: string[] = [];
let openSlowGate: () => void = () => {};

/** A test-only command that answers when the test says so, to see a slow answer deferred. */
const slow = defineCommand({
  name: 'slow',
  aliases: [],
  options: [],
  permission: 'everyone',
  // Not kept by the answer cache: each time it is asked, it waits for the gate.
  readOnly: false,
  handle: () => new Promise<Reply>((resolve) => (openSlowGate = () => resolve(reply('ok', 'slow answer')))),
});

/** A command that fails, to see the apology. */
const broken = defineCommand({
  name: 'broken',
  aliases: [],
  options: [],
  permission: 'everyone',
  readOnly: true,
  handle: () => {
    throw new Error('boom');
  },
});

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const logger = createLogger('info', (line) => logs.push(line));
  const real = await botAt('2019-05-10', logger);
  bot = new Bot({ ...real.services, commands: [...COMMANDS, slow, broken] });
  platform = await startDiscord(
    bot,
    { token: 'fake-token', applicationId: APPLICATION_ID, restApi: restApiOf(fake.baseUrl) },
    logger,
  );
  bot.services.outbox.attach(platform);
}, 30_000);

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
});

const asker: Asker = { platform: 'discord', id: PERSON.id, isEditor: false };

const answerTo = (interaction: { id: string; token: string }) => answerOf(fake, interaction);

async function ask(subcommand: string | undefined, options: OptionValue[] = [], locale?: string): Promise<Answer> {
  return answerTo(sendCommand(fake, subcommand, options, { locale }));
}

/** `/gsef role grant`: the person as Discord's person picker sends it (a USER option: their id), and the role as typed. */
function grantRole(personId: string, role: string) {
  return sendCommand(fake, undefined, [], {
    data: {
      id: '700000000000000007',
      name: 'gsef',
      type: 1,
      options: [
        {
          name: 'role',
          type: 2,
          options: [
            {
              name: 'grant',
              type: 1,
              options: [
                { name: 'person', type: 6, value: personId },
                { name: 'role', type: 3, value: role },
              ],
            },
          ],
        },
      ],
    },
  });
}

function fieldNames(embeds: readonly APIEmbed[] | undefined): string[] {
  return (embeds ?? []).flatMap((e) => (e.fields ?? []).map((f) => f.name));
}

/** Field names carry Discord's Markdown escapes; item titles are plain. */
function unescaped(names: string[]): string[] {
  return names.map((n) => n.replace(/\\(.)/g, '$1'));
}

async function consoleAnswer(text: string, lang: Lang): Promise<Reply> {
  return bot.answer(text, asker, lang);
}

describe('Discord /gsef commands', () => {
  it('answers /gsef next-event with an ephemeral embed holding what the console answers', async () => {
    const answer = await ask('next-event');
    const expected = await consoleAnswer('next-event', 'en');
    expect(answer.via).toBe(4);
    expect(answer.data.flags).toBe(64);
    expect(answer.data.embeds?.[0]?.title).toBe(expected.title);
    expect(unescaped(fieldNames(answer.data.embeds))).toEqual(itemTitles(expected));
    expect(itemTitles(expected)).toEqual(['RENAPESS General Assembly', 'Africa Policy Dialogue']);
  });

  it.each([
    ['fr', 'fr'],
    ['es-ES', 'es'],
  ] as const)('answers in the language of the Discord locale %s', async (locale, lang) => {
    const answer = await ask('next-event', [], locale);
    const expected = await consoleAnswer('next-event', lang);
    expect(answer.data.embeds?.[0]?.title).toBe(expected.title);
    expect(unescaped(fieldNames(answer.data.embeds))).toEqual(itemTitles(expected));
    expect(answer.data.embeds?.[0]?.title).not.toBe((await consoleAnswer('next-event', 'en')).title);
  });

  it('honours the region and month options, and the free filter', async () => {
    const answer = await ask('next-event', [
      { name: 'region', value: 'africa' },
      { name: 'month', value: '8' },
    ]);
    const expected = await consoleAnswer('next-event africa august', 'en');
    expect(unescaped(fieldNames(answer.data.embeds))).toEqual(itemTitles(expected));
    expect(answer.data.embeds?.[0]?.description).toContain('region Africa');
    expect(answer.data.embeds?.[0]?.description).toContain('August');

    const global = await ask('events', [
      { name: 'region', value: 'global' },
      { name: 'filter', value: '2019' },
    ]);
    expect(global.data.embeds?.[0]?.description).toContain('region Global');
    expect(unescaped(fieldNames(global.data.embeds))).toEqual(
      itemTitles(await consoleAnswer('events worldwide 2019', 'en')),
    );
  });

  it('sends the calendar as an .ics file attachment', async () => {
    const answer = await ask('calendar', [{ name: 'region', value: 'africa' }]);
    expect(answer.request.files).toHaveLength(1);
    expect(answer.request.files[0]).toMatchObject({ filename: 'gsef-calendar.ics' });
    expect(answer.request.files[0]!.content).toContain('BEGIN:VCALENDAR');
    expect(answer.data.embeds?.[0]?.title).toMatch(/^GSEF calendar: \d+ events?$/);
  });

  it('suggests event names while the event option is typed (autocomplete)', async () => {
    const { id } = sendCommand(fake, 'event', [{ name: 'name', value: 'bamako', focused: true }], { type: 4 });
    const callback = await waitFor(
      () => fake.requestsTo('POST', new RegExp(`/interactions/${id}/`))[0],
      'the autocomplete answer',
    );
    const body = callback.body as { type: number; data: { choices: { name: string; value: string }[] } };
    expect(body.type).toBe(8);
    expect(body.data.choices.map((c) => c.name)).toEqual(
      expect.arrayContaining(['RENAPESS General Assembly', 'Africa Policy Dialogue']),
    );
    for (const choice of body.data.choices) expect(bot.kb.eventById(choice.value)).toBeDefined();
  });

  it('suggests member names in the language of the locale', async () => {
    const { id } = sendCommand(fake, 'member', [{ name: 'name', value: 'seo', focused: true }], {
      type: 4,
      locale: 'fr',
    });
    const callback = await waitFor(
      () => fake.requestsTo('POST', new RegExp(`/interactions/${id}/`))[0],
      'the autocomplete answer',
    );
    const { choices } = (callback.body as { data: { choices: { name: string }[] } }).data;
    expect(choices.map((c) => c.name)).toContain('Ville de Séoul');
  });

  it('lets a Discord secretariat grant a role to the person picked in /gsef role grant', async () => {
    const secretariat: Asker = { platform: 'console', id: 'secretariat', isEditor: true };
    const refused = await answerTo(grantRole('600000000000000006', 'advisor'));
    expect(refused.data.embeds?.[0]?.title).toBe('Sorry, only the secretariat can use `role`.');
    await bot.answer(`role grant discord:${PERSON.id} secretariat`, secretariat, 'en');
    const granted = await answerTo(grantRole('600000000000000006', 'city-of-seoul représentant'));
    expect(granted.data.embeds?.[0]?.title).toBe(
      'discord:600000000000000006 now holds the role “steering-committee representative, for City of Seoul”.',
    );
    const [grant] = await bot.services.roles.grantsOf({ platform: 'discord', id: '600000000000000006' });
    expect(grant).toMatchObject({ role: 'representative', member: 'city-of-seoul', grantedBy: `discord:${PERSON.id}` });
  });

  it('answers a failing command with the short apology, and logs the failure', async () => {
    const answer = await ask('broken');
    expect(answer.data.embeds?.[0]?.title).toBe(
      'Sorry, something went wrong while answering. The secretariat has been told; please try again in a moment.',
    );
    expect(logs.some((line) => line.includes('"command failed"') && line.includes('boom'))).toBe(true);
  });

  it('apologizes, privately, when Discord refuses the answer, and logs why', async () => {
    fake.failNext('POST', /^\/api\/v10\/interactions\/\d+\/[^/]+\/callback$/, 500, 4);
    const answer = await ask('agenda');
    expect(answer.data).toMatchObject({ content: expect.stringContaining('Sorry, something went wrong'), flags: 64 });
    expect(answer.data.embeds ?? []).toEqual([]);
    expect(logs.some((line) => line.includes('"discord command failed"'))).toBe(true);
  });

  it('survives malformed interactions and answers the next one', async () => {
    const unknown = await ask('no-such-command');
    expect(unknown.data.embeds?.[0]?.title).toContain('no-such-command');
    const none = await ask(undefined);
    expect(none.data.embeds?.[0]?.title).toBe((await consoleAnswer('help', 'en')).title);
    sendCommand(fake, 'next-event', [], { data: undefined });
    sendCommand(fake, 'next-event', [], { data: { id: '1', name: 'gsef', type: 1, options: 'next-event' } });
    fake.dispatch('INTERACTION_CREATE', {
      id: fake.newId(),
      type: 2,
      token: 'no-user',
      application_id: APPLICATION_ID,
      data: { id: '1', name: 'gsef', type: 1 },
    });
    fake.dispatch('MESSAGE_CREATE', { id: fake.newId(), channel_id: CHANNEL_ID, content: 'no author' });
    sendCommand(fake, 'next-event', [], {
      data: {
        id: '1',
        name: 'gsef',
        type: 1,
        options: [{ name: 'next-event', type: 1, options: [{ name: 'region', type: 3, value: 'atlantis' }] }],
      },
    });
    const answer = await ask('next-event');
    expect(answer.data.embeds?.[0]?.title).toBe('Next GSEF event');
    // Without the fields discord.js needs and the bot does not: still answered.
    const bare = fake.newId();
    fake.dispatch('INTERACTION_CREATE', {
      id: bare,
      type: 2,
      token: `token-${bare}`,
      application_id: APPLICATION_ID,
      locale: 'en-US',
      user: PERSON,
      channel: { id: DM_CHANNEL_ID, type: 1 },
      data: { id: '1', name: 'gsef', type: 1, options: [{ name: 'agenda', type: 1 }] },
    });
    expect((await answerTo({ id: bare, token: `token-${bare}` })).data.embeds?.[0]?.title).toBe(
      (await consoleAnswer('agenda', 'en')).title,
    );
    expect(logs.filter((line) => line.includes('dropped a malformed gateway event'))).toHaveLength(4);
  });

  it('resumes a dropped gateway session without identifying again, and answers afterwards', async () => {
    const identifies = () => fake.gatewayOps.filter((p) => p.op === 2).length;
    const resumes = () => fake.gatewayOps.filter((p) => p.op === 6).length;
    const [identifiedBefore, resumedBefore] = [identifies(), resumes()];
    fake.dropConnection(4000);
    await waitFor(() => resumes() > resumedBefore && fake.connected, 'the RESUME');
    expect(identifies()).toBe(identifiedBefore);
    const answer = await ask('agenda');
    expect(answer.data.embeds?.[0]?.title).toBe((await consoleAnswer('agenda', 'en')).title);
  });
});

/** How long the second app lets an answer take before deferring it: short, so that a slow answer is deferred at once. */
const DEFER_SOON_MS = 20;

describe('Discord /gsef commands answered late', () => {
  let deferring: FakeDiscord;
  let deferringPlatform: PlatformAdapter;

  beforeAll(async () => {
    deferring = await FakeDiscord.start();
    deferringPlatform = await startDiscord(
      bot,
      { token: 'fake-token', applicationId: APPLICATION_ID, restApi: restApiOf(deferring.baseUrl) },
      createLogger('info', (line) => logs.push(line)),
      { deferAfterMs: DEFER_SOON_MS },
    );
  }, 30_000);

  afterAll(async () => {
    await deferringPlatform?.stop();
    await deferring?.close();
  });

  it('defers a slow answer, then edits the deferred reply with it', async () => {
    const interaction = sendCommand(deferring, 'slow');
    const deferral = await waitFor(
      () => deferring.requestsTo('POST', new RegExp(`/interactions/${interaction.id}/`))[0],
      'the deferral',
    );
    expect(deferral.body).toMatchObject({ type: 5, data: { flags: 64 } });
    openSlowGate();
    const answer = await answerOf(deferring, interaction);
    expect(answer.via).toBe(5);
    expect(answer.data.embeds?.[0]?.title).toBe('slow answer');
  });

  it('apologizes in the deferred reply when Discord refuses the late answer, and logs why', async () => {
    const interaction = sendCommand(deferring, 'slow');
    const original = new RegExp(`/webhooks/${APPLICATION_ID}/${interaction.token}/messages/@original$`);
    await waitFor(
      () => deferring.requestsTo('POST', new RegExp(`/interactions/${interaction.id}/`))[0],
      'the deferral',
    );
    deferring.failNext('PATCH', original, 500, 4);
    openSlowGate();
    const edited = await waitFor(
      () => deferring.requestsTo('PATCH', original).find((r) => r.status === 200),
      'an edit Discord took',
    );
    expect(edited.body).toMatchObject({ content: expect.stringContaining('Sorry, something went wrong'), embeds: [] });
    expect(deferring.requestsTo('PATCH', original).filter((r) => r.status === 500).length).toBe(4);
    expect(logs.some((line) => line.includes('"discord command failed"') && line.includes(interaction.id))).toBe(true);
  });
});

describe('Discord mentions and direct messages', () => {
  const repliesTo = (channel: string, messageId: string) => replyTo(fake, channel, messageId);

  it('answers a question that mentions the bot with a reply in the channel', async () => {
    const id = sendMessage(fake, `<@${BOT_USER.id}> when is the next event in Africa?`, { mentionsBot: true });
    const request = await repliesTo(CHANNEL_ID, id);
    const expected = await bot.answerQuestion('when is the next event in Africa?', asker);
    const body = request.body as { embeds: APIEmbed[]; allowed_mentions: unknown };
    expect(body.embeds[0]?.title).toBe(expected.title);
    expect(unescaped(fieldNames(body.embeds))).toEqual(itemTitles(expected));
    expect(body.allowed_mentions).toMatchObject({ parse: [], replied_user: false });
  });

  it('answers a direct message, and small talk with the short help', async () => {
    const id = sendMessage(fake, 'agenda', { dm: true });
    const request = await repliesTo(DM_CHANNEL_ID, id);
    expect((request.body as { embeds: APIEmbed[] }).embeds[0]?.title).toBe((await consoleAnswer('agenda', 'en')).title);

    const chat = sendMessage(fake, `hello <@${BOT_USER.id}>, nice weather`, { mentionsBot: true });
    const help = (await repliesTo(CHANNEL_ID, chat)).body as { embeds: APIEmbed[] };
    expect(help.embeds[0]?.title).toBe('Sorry, I did not understand that question.');
    expect(help.embeds.map((e) => e.description ?? '').join('\n')).toContain('When is the next event in Africa?');
  });

  it('ignores messages from bots and messages that do not mention it', async () => {
    const fromBot = sendMessage(fake, `<@${BOT_USER.id}> agenda`, {
      mentionsBot: true,
      author: { ...PERSON, id: '500000000000000099', bot: true },
    });
    const unaddressed = sendMessage(fake, 'agenda');
    const later = sendMessage(fake, 'agenda', { dm: true });
    // Messages are handled in order: once the later one is answered, the earlier ones were seen.
    await repliesTo(DM_CHANNEL_ID, later);
    const replied = fake
      .requestsTo('POST', /\/messages$/)
      .map((r) => (r.body as { message_reference?: { message_id: string } }).message_reference?.message_id);
    expect(replied).not.toContain(fromBot);
    expect(replied).not.toContain(unaddressed);
  });
});

describe('Discord channel poster', () => {
  const channel = '800000000000000008';
  const route = new RegExp(`^/api/v10/channels/${channel}/messages$`);
  const notice = {
    ...reply('ok', 'Steering Committee meeting next week', [{ type: 'text', text: 'Online, last week of April.' }]),
    visibility: 'public' as const,
  };

  it('waits out a rate limit (429) and posts the message once', async () => {
    fake.failNext('POST', route, 429, 1);
    await platform.post(channel, notice);
    const requests = fake.requestsTo('POST', route);
    expect(requests.map((r) => r.status)).toEqual([429, 200]);
    expect(requests[1]!.body).toMatchObject({ content: notice.title, embeds: [{ title: notice.title }] });
  });

  it('rejects when Discord keeps failing (500)', async () => {
    fake.failNext('POST', route, 500, 4);
    await expect(platform.post(channel, notice)).rejects.toThrow();
    expect(fake.requestsTo('POST', route).filter((r) => r.status === 200)).toHaveLength(1);
  });

  it("finds a reminder it posted among the channel's messages, and posts a marked one once even if asked twice", async () => {
    const reminders = '800000000000000009';
    const reminder = {
      ...reply('ok', 'Reminder: Steering Committee, Q2 2027, in 3 days', [{ type: 'text', text: 'Online.' }]),
      visibility: 'public' as const,
    };
    const other = { ...reminder, title: 'Reminder: Steering Committee, Q2 2027, in 1 day' };
    fake.storeMessage({
      id: fake.newId(),
      channel_id: reminders,
      author: { id: '300000000000000003', username: 'ana' },
      content: reminder.title,
      embeds: [],
    });
    expect(await platform.wasPosted!(reminders, reminder, 'sc-2027-q2@P3D')).toBe(false); // the same words, from a person
    await platform.post(reminders, reminder, 'sc-2027-q2@P3D');
    await platform.post(reminders, reminder, 'sc-2027-q2@P3D'); // a retry after a lost answer
    const posted = fake.requestsTo('POST', new RegExp(`^/api/v10/channels/${reminders}/messages$`));
    expect(posted.map((r) => (r.body as { enforce_nonce?: boolean }).enforce_nonce)).toEqual([true, true]);
    expect(
      [...fake.messages.values()].filter(
        (m) => m.channel_id === reminders && (m.author as { id: string }).id !== '300000000000000003',
      ),
    ).toHaveLength(1);
    expect(await platform.wasPosted!(reminders, reminder, 'sc-2027-q2@P3D')).toBe(true);
    expect(await platform.wasPosted!(reminders, other, 'sc-2027-q2@P1D')).toBe(false);
  });
});

describe('Discord start-up', () => {
  it('asks for no privileged intent when no news channel is set and 📰 reactions are off', () => {
    const identify = fake.gatewayOps.find((op) => op.op === 2)!.d as { intents: number };
    expect(identify.intents & GatewayIntentBits.MessageContent).toBe(0);
    expect(identify.intents & GatewayIntentBits.GuildMessageReactions).toBe(0);
    expect(identify.intents & GatewayIntentBits.GuildMessages).toBe(GatewayIntentBits.GuildMessages);
  });

  it('stops with the variable to fix when Discord refuses the token', async () => {
    fake.failNext('GET', /^\/api\/v10\/gateway\/bot$/, 401);
    const error = await startDiscord(
      bot,
      { token: 'wrong-token', applicationId: APPLICATION_ID, restApi: restApiOf(fake.baseUrl) },
      createLogger('info', () => {}),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ variable: 'DISCORD_TOKEN' });
  });
});
