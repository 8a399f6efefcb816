import {
  GatewayIntentBits,
  type APIApplicationCommandOption,
  type APIApplicationCommandStringOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bot } from '../../../src/bot.js';
import type { MessageKey } from '../../../src/i18n/message-keys.js';
import { ConfigError } from '../../../src/errors.js';
import { createLogger } from '../../../src/logger.js';
import type { NewsItem } from '../../../src/news/news-item.js';
import { discordCommands } from '../../../src/platforms/discord/discord-commands.js';
import { restApiOf } from '../../../src/platforms/discord/discord-config.js';
import { validateDiscordCommands } from '../../../src/platforms/discord/validate-discord-commands.js';
import { discordIntents, startDiscord } from '../../../src/platforms/discord/start-discord.js';
import type { PlatformAdapter } from '../../../src/messaging/platform-adapter.js';
import { escapeMarkdown } from '../../../src/platforms/discord/render-discord.js';
import { longNews } from '../../support/long-news.js';
import { botWithNewsletter } from '../../support/test-bot.js';
import { answerTo, replyTo, type MessageBody } from './discord-answers.js';
import {
  DM_CHANNEL_ID,
  messageData,
  PERSON,
  sendButton,
  sendCommand,
  sendMessage,
  sendMessageCommand,
  sendReaction,
  type Actor,
  type Person,
} from './discord-payloads.js';
import {
  APPLICATION_ID,
  BOT_USER,
  CHANNEL_ID,
  EDITOR_ROLE_ID,
  EDITORIAL_CHANNEL_ID,
  FakeDiscord,
  GUILD_ID,
  NEWS_CHANNEL_ID,
  type RecordedRequest,
} from './fake-discord.js';
import { announceChange, pollUntil, waitFor } from '../../support/wait-for.js';
import { hasBroadcastMention } from '../../../src/news/sanitize.js';

// News for the newsletter, taken on Discord through every way in, with the real discord.js
// against a loopback Discord; a server whose settings name an editor role, a news channel and an
// editorial channel, and 📰 reactions on.
let fake: FakeDiscord;
let platform: PlatformAdapter;
let bot: Bot;
const logs: string[] = [];

/** A Discord user of a test's own, so that the DMs they get leave other tests' counts alone. */
function person(id: string, username: string, globalName: string): Person {
  return { id, username, discriminator: '0', global_name: globalName, avatar: null };
}

const AUTHOR: Person = {
  id: '500000000000000011',
  username: 'mamadou',
  discriminator: '0',
  global_name: 'Mamadou',
  avatar: null,
};
const EDITOR: Person = {
  id: '500000000000000012',
  username: 'edith',
  discriminator: '0',
  global_name: 'Edith',
  avatar: null,
};
const OTHER: Person = {
  id: '500000000000000013',
  username: 'omar',
  discriminator: '0',
  global_name: 'Omar',
  avatar: null,
};
/** Someone who only marks messages in these tests, so that their DMs are theirs alone. */
const MARKER: Person = {
  id: '500000000000000014',
  username: 'lina',
  discriminator: '0',
  global_name: 'Lina',
  avatar: null,
};
/** A bot account that posts a feed through a webhook, and reacts. */
const FEED_BOT: Person = {
  id: '500000000000000015',
  username: 'ripess-feed',
  discriminator: '0',
  global_name: 'RIPESS feed',
  avatar: null,
  bot: true,
};
const MESSAGE_COMMAND = 'Send to GSEF newsletter';

beforeAll(async () => {
  fake = await FakeDiscord.start();
  const logger = createLogger('info', (line) => {
    logs.push(line);
    announceChange();
  });
  bot = await botWithNewsletter(
    '2019-05-10',
    {
      dailyLimit: 100,
      editors: { console: ['secretariat'], slackUsers: [], discordRoles: [EDITOR_ROLE_ID] },
      newsChannels: { slack: [], discord: [NEWS_CHANNEL_ID] },
      editorialChannels: { discord: EDITORIAL_CHANNEL_ID },
    },
    logger,
  );
  platform = await startDiscord(
    bot,
    { token: 'fake-token', applicationId: APPLICATION_ID, restApi: restApiOf(fake.baseUrl), newsReactions: true },
    logger,
  );
  bot.services.outbox.attach(platform);
}, 30_000);

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
});

const t = (key: MessageKey, params: Record<string, string | number> = {}, lang: 'en' | 'fr' | 'es' = 'en') =>
  bot.services.translator.t(lang, key, params);
/** An option of a `/gsef newsletter` subcommand: an item's number is an integer, as Discord sends it. */
type NewsletterOption = { name: string; value: string | number };

/** `/gsef newsletter <subcommand> [options]`: a subcommand of the newsletter group. */
function sendNewsletter(subcommand: string, options: NewsletterOption[], actor: Actor = {}) {
  const typed = options.map((o) => ({ type: typeof o.value === 'number' ? 4 : 3, ...o }));
  return sendCommand(fake, undefined, [], {
    ...actor,
    data: {
      id: '700000000000000007',
      name: 'gsef',
      type: 1,
      options: [{ name: 'newsletter', type: 2, options: [{ name: subcommand, type: 1, options: typed }] }],
    },
  });
}

const received = (item: NewsItem) => t('news.received', { number: item.id });
/** The answer to someone who sent another person's message. */
const receivedFromOther = (item: NewsItem) => t('news.receivedFromOther', { number: item.id });
const duplicate = (item: NewsItem) => t('news.duplicate', { number: item.id });

/** The queued item taken from a message, or by its text. */
async function itemWhere(match: (item: NewsItem) => boolean): Promise<NewsItem> {
  const items = await bot.services.news.list();
  const item = items.find(match);
  if (!item) throw new Error(`no such item among ${items.map((i) => i.text).join(' | ')}`);
  return item;
}

/** The messages the bot posted in the DM channel it opened with `user`, and waits for the `count`th. */
async function dmsTo(user: Person, count = 1): Promise<(RecordedRequest & { body: MessageBody })[]> {
  return waitFor(() => {
    const channel = fake.dmChannels.get(user.id);
    const posts = channel
      ? fake.requestsTo('POST', new RegExp(`^/api/v10/channels/${channel}/messages$`)).filter((r) => r.status === 200)
      : [];
    return posts.length >= count ? (posts as (RecordedRequest & { body: MessageBody })[]) : undefined;
  }, `DM number ${count} to ${user.username}`);
}

/** How many messages the bot posted in its DM with `user`. */
function dmCount(user: Person): number {
  const channel = fake.dmChannels.get(user.id);
  return channel
    ? fake.requestsTo('POST', new RegExp(`^/api/v10/channels/${channel}/messages$`)).filter((r) => r.status === 200)
        .length
    : 0;
}

/** The message the bot posted with a button `customId`, as Discord keeps it (a button interaction carries it). */
function postedWith(customId: string): Record<string, unknown> {
  return waitForSync(
    [...fake.messages.values()].find((m) => JSON.stringify(m.components ?? []).includes(JSON.stringify(customId))),
    customId,
  );
}

function waitForSync<T>(found: T | undefined, what: string): T {
  if (found === undefined) throw new Error(`the bot posted no message with ${what}`);
  return found;
}

const titleOf = (body: MessageBody) => body.embeds?.[0]?.title;
const buttonsOf = (body: MessageBody) => (body.components ?? []).flatMap((row) => row.components);

describe('Discord news intake', () => {
  it('asks for the privileged Message Content intent and reactions, as news channels and 📰 are on', () => {
    const identify = fake.gatewayOps.find((op) => op.op === 2)!.d as { intents: number };
    expect(identify.intents & GatewayIntentBits.MessageContent).toBe(GatewayIntentBits.MessageContent);
    expect(identify.intents & GatewayIntentBits.GuildMessageReactions).toBe(GatewayIntentBits.GuildMessageReactions);
    const none = { ...bot.kb.catalog.settings.newsletter, newsChannels: { slack: [], discord: [] } };
    expect(discordIntents(none, {})).not.toContain(GatewayIntentBits.MessageContent);
    expect(discordIntents(none, { newsReactions: true })).toEqual(
      expect.arrayContaining([GatewayIntentBits.MessageContent, GatewayIntentBits.GuildMessageReactions]),
    );
    expect(discordIntents(bot.kb.catalog.settings.newsletter, {})).toContain(GatewayIntentBits.MessageContent);
    expect(discordIntents(bot.kb.catalog.settings.newsletter, {})).not.toContain(
      GatewayIntentBits.GuildMessageReactions,
    );
  });

  it('takes /gsef news text:…, from the channel it was typed in, and refuses the same news twice', async () => {
    const text = 'The City of Bamako opens its first social economy incubator, with twelve cooperatives.';
    const answer = await answerTo(fake, sendCommand(fake, 'news', [{ name: 'text', value: text }]));
    const item = await itemWhere((i) => i.text === text);
    expect(item).toMatchObject({
      author: { platform: 'discord', userId: PERSON.id, displayName: 'Ana' },
      source: { platform: 'discord', channel: CHANNEL_ID },
      status: 'pending',
    });
    expect(answer.ephemeral).toBe(true);
    expect(titleOf(answer.data)).toBe(escapeMarkdown(received(item)));

    const again = await answerTo(fake, sendCommand(fake, 'news', [{ name: 'text', value: text }]));
    expect(titleOf(again.data)).toBe(escapeMarkdown(duplicate(item)));
    expect((await bot.services.news.list()).filter((i) => i.text === text)).toHaveLength(1);
  });

  it('takes /gsef news of 4,000 characters in paragraphs as written, and refuses 4,001 politely', async () => {
    const text = longNews(4000, 'Discord slash command');
    const answer = await answerTo(fake, sendCommand(fake, 'news', [{ name: 'text', value: text }]));
    const item = await itemWhere((i) => i.text === text);
    expect(titleOf(answer.data)).toBe(escapeMarkdown(received(item)));
    const tooLong = await answerTo(
      fake,
      sendCommand(fake, 'news', [{ name: 'text', value: longNews(4001, 'Discord, too long') }]),
    );
    expect(titleOf(tooLong.data)).toBe(escapeMarkdown(t('news.tooLong', { max: '4,000' })));
  });

  it('takes 4,000 characters in paragraphs as written from a DM, a news channel, a 📰 reaction and the Apps menu', async () => {
    // People of their own, so that the DMs they get leave other tests' counts alone.
    const writer = person('500000000000000021', 'wanjiru', 'Wanjiru');
    const marker = person('500000000000000022', 'marta', 'Marta');
    const texts = ['Discord DM', 'Discord news channel', 'Discord reaction', 'Discord Apps menu'].map((tag) =>
      longNews(4000, tag),
    );
    sendMessage(fake, `news: ${texts[0]}`, { dm: true, author: writer });
    sendMessage(fake, texts[1]!, { channel: NEWS_CHANNEL_ID, author: writer });
    const marked = messageData(texts[2]!, { author: writer });
    fake.storeMessage(marked);
    sendReaction(fake, marked, marker);
    await answerTo(
      fake,
      sendMessageCommand(fake, MESSAGE_COMMAND, messageData(texts[3]!, { author: writer }), { user: marker }),
    );
    await pollUntil(async () => {
      const items = await bot.services.news.list();
      return texts.every((text) => items.some((i) => i.text === text));
    }, 'the four items in the queue');
  });

  it('registers the news text so that Discord lets a person type 4,000 characters, and checks what it declares', () => {
    const [gsef] = discordCommands(bot.commands, bot.services.translator) as [
      RESTPostAPIChatInputApplicationCommandsJSONBody,
    ];
    type Parent = { options?: APIApplicationCommandOption[] };
    const optionAt = (...path: string[]) =>
      path.reduce<Parent>(
        (parent, name) => parent.options!.find((o) => o.name === name) as Parent,
        gsef,
      ) as APIApplicationCommandStringOption;
    const texts = [
      optionAt('news', 'text'),
      optionAt('newsletter', 'edit', 'text'),
      optionAt('newsletter', 'reject', 'reason'),
    ];
    for (const text of texts) expect(text.max_length).toBeGreaterThanOrEqual(4000);
    expect(validateDiscordCommands([gsef])).toEqual([]);
    optionAt('news', 'text').max_length = 6001;
    expect(validateDiscordCommands([gsef])).toEqual(['/gsef news text: max_length 6001; Discord allows 1-6000']);
  });

  it('takes a DM that starts with news:, with its files and its link, and refuses the same news twice', async () => {
    const text = 'Montreal hosts a week of workshops on cooperative housing for young families this June.';
    const file = { filename: 'poster.png', url: 'https://cdn.discordapp.com/attachments/1/2/poster.png' };
    const id = sendMessage(fake, `news: ${text}`, { dm: true, attachments: [file] });
    const reply = await replyTo(fake, DM_CHANNEL_ID, id);
    const item = await itemWhere((i) => i.text === text);
    expect(item.source).toEqual({
      platform: 'discord',
      channel: DM_CHANNEL_ID,
      messageId: id,
      permalink: `https://discord.com/channels/@me/${DM_CHANNEL_ID}/${id}`,
    });
    expect(item.attachments).toEqual([file.url]);
    expect(titleOf(reply.body)).toBe(escapeMarkdown(received(item)));

    const repeat = sendMessage(fake, `actualité : ${text}`, { dm: true });
    expect(titleOf((await replyTo(fake, DM_CHANNEL_ID, repeat)).body)).toBe(escapeMarkdown(duplicate(item)));
  });

  it('asks Yes / No about a DM that reads like news; Yes adds it for its author only', async () => {
    const text = 'The Seoul Social Economy Center publishes its annual report on social enterprises and jobs.';
    const id = sendMessage(fake, text, { dm: true });
    const question = (await replyTo(fake, DM_CHANNEL_ID, id)).body;
    expect(titleOf(question)).toBe(t('news.askToAdd'));
    const [yes, no] = buttonsOf(question);
    expect(yes).toMatchObject({
      type: 2,
      style: 1,
      label: t('news.addButton'),
      custom_id: expect.stringMatching(/^gsef:news confirm [0-9a-f-]{36}$/),
    });
    expect(no).toMatchObject({
      type: 2,
      style: 2,
      label: t('news.dontAddButton'),
      custom_id: expect.stringMatching(/^gsef:news cancel [0-9a-f-]{36}$/),
    });
    const posted = postedWith(yes!.custom_id);

    // Someone else pressing it (a forwarded screenshot cannot, but a forged interaction can) is refused, and the question stays open.
    const stranger = await answerTo(fake, sendButton(fake, yes!.custom_id, posted, { user: OTHER, dm: true }));
    expect(stranger.ephemeral).toBe(true);
    expect(titleOf(stranger.data)).toBe(escapeMarkdown(t('news.confirmationExpired')));
    expect((await bot.services.news.list()).some((i) => i.text === text)).toBe(false);

    const added = await answerTo(fake, sendButton(fake, yes!.custom_id, posted, { dm: true }));
    const item = await itemWhere((i) => i.text === text);
    expect(added.ephemeral).toBe(true);
    expect(titleOf(added.data)).toBe(escapeMarkdown(received(item)));
    expect(item).toMatchObject({ author: { userId: PERSON.id }, source: { channel: DM_CHANNEL_ID, messageId: id } });
    // Pressed twice: the question is answered already.
    expect(titleOf((await answerTo(fake, sendButton(fake, yes!.custom_id, posted, { dm: true }))).data)).toBe(
      escapeMarkdown(t('news.confirmationExpired')),
    );

    // The same news sent again is asked about again, and Yes says it is already queued.
    const again = sendMessage(fake, text, { dm: true });
    const [yesAgain] = buttonsOf((await replyTo(fake, DM_CHANNEL_ID, again)).body);
    expect(
      titleOf(
        (await answerTo(fake, sendButton(fake, yesAgain!.custom_id, postedWith(yesAgain!.custom_id), { dm: true })))
          .data,
      ),
    ).toBe(escapeMarkdown(duplicate(item)));
  });

  it('still answers a question sent by DM', async () => {
    const id = sendMessage(fake, 'When is the next event in Africa?', { dm: true });
    const expected = await bot.answerQuestion('When is the next event in Africa?', {
      platform: 'discord',
      id: PERSON.id,
      isEditor: false,
    });
    expect(titleOf((await replyTo(fake, DM_CHANNEL_ID, id)).body)).toBe(expected.title);
  });

  it('takes every message of a news channel, tells its author by DM, and refuses the same message marked with 📰', async () => {
    const text = 'Barcelona launches a fund of two million euros for community energy cooperatives.';
    const message = messageData(text, { channel: NEWS_CHANNEL_ID, author: AUTHOR });
    fake.dispatch('MESSAGE_CREATE', message);
    const [dm] = await dmsTo(AUTHOR);
    const item = await itemWhere((i) => i.text === text);
    const link = `https://discord.com/channels/${GUILD_ID}/${NEWS_CHANNEL_ID}/${String(message.id)}`;
    expect(item).toMatchObject({
      author: { userId: AUTHOR.id, displayName: 'Mamadou' },
      source: { platform: 'discord', channel: NEWS_CHANNEL_ID, messageId: message.id, permalink: link },
    });
    expect(fake.requestsTo('POST', /^\/api\/v10\/users\/@me\/channels$/).map((r) => r.body)).toContainEqual({
      recipient_id: AUTHOR.id,
    });
    expect(dm!.body.content).toBe(t('discord.aboutYourMessage', { link }));
    expect(titleOf(dm!.body)).toBe(escapeMarkdown(received(item)));
    // Nothing is said in the news channel itself.
    expect(fake.requestsTo('POST', new RegExp(`/channels/${NEWS_CHANNEL_ID}/messages$`))).toHaveLength(0);

    // The same message, marked with 📰 by someone else, is the same news.
    sendReaction(fake, message, EDITOR);
    const [again] = await dmsTo(EDITOR);
    expect(titleOf(again!.body)).toBe(escapeMarkdown(duplicate(item)));
  });

  it('leaves a reply to a post in a news channel alone, and answers a question to the bot there instead of queuing it', async () => {
    const post = messageData('Lyon opens a house of the social and solidarity economy in each of its districts.', {
      channel: NEWS_CHANNEL_ID,
      author: AUTHOR,
    });
    const dmsBefore = dmCount(AUTHOR);
    fake.dispatch('MESSAGE_CREATE', post);
    const comment = 'Congratulations to Lyon, what a fine project for the districts of the city!';
    fake.dispatch(
      'MESSAGE_CREATE',
      messageData(comment, { channel: NEWS_CHANNEL_ID, author: OTHER, replyTo: String(post.id) }),
    );
    const asked = 'When is the next event in Africa?';
    const question = messageData(`<@${BOT_USER.id}> ${asked}`, {
      channel: NEWS_CHANNEL_ID,
      author: OTHER,
      mentionsBot: true,
    });
    fake.dispatch('MESSAGE_CREATE', question);
    const answer = await replyTo(fake, NEWS_CHANNEL_ID, String(question.id));
    const expected = await bot.answerQuestion(asked, { platform: 'discord', id: OTHER.id, isEditor: false });
    expect(titleOf(answer.body)).toBe(expected.title);
    await dmsTo(AUTHOR, dmsBefore + 1);
    const items = await bot.services.news.list();
    expect(items.filter((i) => i.source.channel === NEWS_CHANNEL_ID && i.author.userId === OTHER.id)).toEqual([]);
    expect(items.some((i) => i.source.messageId === post.id)).toBe(true);
  });

  it("tells whoever marks one of the bot's own messages with 📰 that it is not news, files a webhook's post under them, and ignores a bot's 📰", async () => {
    const own = messageData('News #1 from Mamadou, to review: the Barcelona fund for energy cooperatives.', {
      author: { ...BOT_USER },
    });
    fake.storeMessage(own);
    sendReaction(fake, own, MARKER);
    const [told] = await dmsTo(MARKER);
    expect(titleOf(told!.body)).toBe(escapeMarkdown(t('news.ownMessage')));

    const byPerson = messageData('Bilbao publishes a guide to buying from social enterprises for its services.', {
      author: AUTHOR,
    });
    fake.storeMessage(byPerson);
    sendReaction(fake, byPerson, FEED_BOT);
    const feed = messageData('RIPESS announces its intercontinental meeting in Barcelona for next autumn.', {
      author: FEED_BOT,
      webhookId: '800000000000000008',
    });
    fake.storeMessage(feed);
    sendReaction(fake, feed, MARKER);
    const [, filed] = await dmsTo(MARKER, 2);
    const item = await itemWhere((i) => i.source.messageId === feed.id);
    expect(item.author).toMatchObject({ userId: MARKER.id, displayName: 'Lina' });
    expect(titleOf(filed!.body)).toBe(escapeMarkdown(received(item)));
    // The bot's 📰, sent before, was dropped without even reading its message.
    expect(fake.requestsTo('GET', new RegExp(`/messages/${String(byPerson.id)}$`))).toEqual([]);
    expect((await bot.services.news.list()).some((i) => i.source.messageId === byPerson.id)).toBe(false);
  });

  it("files a webhook's post sent through the Apps menu under the one who sent it, and refuses Discord's own messages", async () => {
    const feed = messageData('RIPESS opens a training on cooperative finance in Dakar next month.', {
      author: FEED_BOT,
      webhookId: '800000000000000009',
    });
    const answer = await answerTo(fake, sendMessageCommand(fake, MESSAGE_COMMAND, feed, { user: MARKER }));
    const item = await itemWhere((i) => i.source.messageId === feed.id);
    expect(item.author).toMatchObject({ userId: MARKER.id, displayName: 'Lina' });
    expect(titleOf(answer.data)).toBe(escapeMarkdown(received(item)));

    const joined = messageData('', { author: OTHER, type: 7 });
    const refused = await answerTo(fake, sendMessageCommand(fake, MESSAGE_COMMAND, joined, { user: MARKER }));
    expect(titleOf(refused.data)).toBe(escapeMarkdown(t('news.systemMessage')));
  });

  it('takes a message marked with 📰, fetched from Discord, as its author’s, and tells the person who reacted', async () => {
    const text = 'RIPESS Africa trains forty young leaders of the solidarity economy in Dakar this month.';
    // A message the bot never saw: only the REST API has it.
    const message = messageData(text, { author: AUTHOR });
    fake.storeMessage(message);
    sendReaction(fake, message, OTHER, '👍');
    sendReaction(fake, message, OTHER);
    const [dm] = await dmsTo(OTHER);
    expect(
      fake.requestsTo('GET', new RegExp(`^/api/v10/channels/${CHANNEL_ID}/messages/${String(message.id)}$`)),
    ).toHaveLength(1);
    const item = await itemWhere((i) => i.text === text);
    const link = `https://discord.com/channels/${GUILD_ID}/${CHANNEL_ID}/${String(message.id)}`;
    expect(item).toMatchObject({
      author: { userId: AUTHOR.id, displayName: 'Mamadou' },
      source: { platform: 'discord', channel: CHANNEL_ID, messageId: message.id, permalink: link },
    });
    expect(dm!.body.content).toBe(t('discord.aboutMarkedMessage', { link }));
    expect(titleOf(dm!.body)).toBe(escapeMarkdown(receivedFromOther(item)));

    sendReaction(fake, message, OTHER);
    const [, again] = await dmsTo(OTHER, 2);
    expect(titleOf(again!.body)).toBe(escapeMarkdown(duplicate(item)));
  });

  it('replies to the marked message, pinging nobody, when the person who reacted accepts no DMs', async () => {
    const message = messageData('Quebec social economy enterprises meet in Trois-Rivières for their autumn summit.', {
      author: AUTHOR,
    });
    fake.storeMessage(message);
    const dmChannel = fake.dmChannels.get(OTHER.id)!;
    fake.failNext('POST', new RegExp(`^/api/v10/channels/${dmChannel}/messages$`), 403);
    sendReaction(fake, message, OTHER);
    const reply = await replyTo(fake, CHANNEL_ID, String(message.id));
    const item = await itemWhere((i) => i.source.messageId === message.id);
    expect(titleOf(reply.body)).toBe(escapeMarkdown(receivedFromOther(item)));
    expect(reply.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('tells the person who reacted when the bot may not read the message', async () => {
    const message = messageData('A message in a channel whose history the bot may not read.', { author: AUTHOR });
    sendReaction(fake, message, EDITOR);
    const dms = await dmsTo(EDITOR, 2);
    expect(titleOf(dms[1]!.body)).toBe(t('discord.cannotRead'));
  });

  it('takes a message through its Apps menu, answering privately, and refuses the same message twice', async () => {
    const text = 'Mondragon University opens a free online course on the governance of cooperatives.';
    const message = messageData(text, { author: AUTHOR });
    const answer = await answerTo(fake, sendMessageCommand(fake, MESSAGE_COMMAND, message));
    const item = await itemWhere((i) => i.text === text);
    expect(item).toMatchObject({
      author: { userId: AUTHOR.id },
      source: { platform: 'discord', channel: CHANNEL_ID, messageId: message.id },
    });
    expect(answer.ephemeral).toBe(true);
    expect(titleOf(answer.data)).toBe(escapeMarkdown(receivedFromOther(item)));

    const again = await answerTo(
      fake,
      sendMessageCommand(fake, MESSAGE_COMMAND, message, { user: EDITOR, roles: [EDITOR_ROLE_ID] }),
    );
    expect(titleOf(again.data)).toBe(escapeMarkdown(duplicate(item)));

    const own = await answerTo(
      fake,
      sendMessageCommand(
        fake,
        MESSAGE_COMMAND,
        messageData('An answer of the bot, long enough to be news.', { author: { ...BOT_USER } }),
      ),
    );
    expect(titleOf(own.data)).toBe(t('news.ownMessage'));
  });
});

describe('Discord editorial committee', () => {
  const text = "La ville de Bordeaux ouvre une maison de l'économie sociale et solidaire pour les jeunes du quartier.";
  let item: NewsItem;
  let notice: RecordedRequest & { body: MessageBody };

  it('posts each new item to the editorial channel with Approve and Reject buttons', async () => {
    await answerTo(fake, sendCommand(fake, 'news', [{ name: 'text', value: text }], { user: AUTHOR, locale: 'fr' }));
    item = await itemWhere((i) => i.text === text);
    expect(item.lang).toBe('fr');
    notice = await waitFor(
      () =>
        (
          fake.requestsTo(
            'POST',
            new RegExp(`^/api/v10/channels/${EDITORIAL_CHANNEL_ID}/messages$`),
          ) as (RecordedRequest & { body: MessageBody })[]
        ).find((r) => buttonsOf(r.body).some((b) => b.custom_id === `gsef:newsletter approve ${item.id}`)),
      'the editorial notice',
    );
    // The editors' channel is shared: its notice is in the default language, not the sender's French.
    expect(notice.body.components).toEqual([
      {
        type: 1,
        components: [
          {
            type: 2,
            style: 1,
            label: t('newsletter.approveButton', {}, 'en'),
            custom_id: `gsef:newsletter approve ${item.id}`,
          },
          {
            type: 2,
            style: 4,
            label: t('newsletter.rejectButton', {}, 'en'),
            custom_id: `gsef:newsletter reject ${item.id}`,
          },
        ],
      },
    ]);
    expect(notice.body.content).toContain(`#${item.id}`);
  });

  it('refuses Approve pressed by someone without an editor role, and changes nothing', async () => {
    const before = await bot.services.news.list();
    const dms = dmCount(AUTHOR);
    const posted = postedWith(`gsef:newsletter approve ${item.id}`);
    for (const action of ['approve', 'reject']) {
      const answer = await answerTo(
        fake,
        sendButton(fake, `gsef:newsletter ${action} ${item.id}`, posted, { user: OTHER }),
      );
      expect(answer.ephemeral).toBe(true);
      expect(titleOf(answer.data)).toBe(t('errors.editorsOnly', { command: 'newsletter' }));
    }
    expect(await bot.services.news.list()).toEqual(before);
    expect(dmCount(AUTHOR)).toBe(dms);
  });

  it('approves the item when an editor presses Approve, and tells its author by DM in their language', async () => {
    const dmsBefore = dmCount(AUTHOR);
    const posted = postedWith(`gsef:newsletter approve ${item.id}`);
    const answer = await answerTo(
      fake,
      sendButton(fake, `gsef:newsletter approve ${item.id}`, posted, { user: EDITOR, roles: [EDITOR_ROLE_ID] }),
    );
    expect(answer.ephemeral).toBe(true);
    expect(titleOf(answer.data)).toBe(
      escapeMarkdown(t('newsletter.approved', { number: item.id, edition: '2019-05' })),
    );
    expect(await bot.services.news.get(item.id)).toMatchObject({ status: 'approved', edition: '2019-05' });
    const dms = await dmsTo(AUTHOR, dmsBefore + 1);
    expect(titleOf(dms.at(-1)!.body)).toBe(
      escapeMarkdown(t('newsletter.toAuthorApproved', { number: item.id, edition: '2019-05' }, 'fr')),
    );
    expect(dms.at(-1)!.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('answers a forged or foreign button politely, running nothing', async () => {
    const before = await bot.services.news.list();
    const posted = postedWith(`gsef:newsletter approve ${item.id}`);
    for (const customId of [
      'gsef:rm -rf /',
      'another-app:approve',
      `gsef:newsletter approve ${item.id} ${'x'.repeat(120)}`,
      'gsef:',
    ]) {
      const answer = await answerTo(
        fake,
        sendButton(fake, customId, posted, { user: EDITOR, roles: [EDITOR_ROLE_ID] }),
      );
      expect(answer.ephemeral).toBe(true);
      expect(titleOf(answer.data)).toBe(t('discord.unknownButton'));
    }
    expect(await bot.services.news.list()).toEqual(before);
  });

  it('refuses every moderation subcommand to a non-editor, and to anyone in a DM, leaving the queue as it was', async () => {
    const before = await bot.services.news.list();
    const number = { name: 'number', value: item.id };
    const actions: [string, NewsletterOption[]][] = [
      ['approve', [number]],
      ['reject', [number, { name: 'reason', value: 'spam' }]],
      ['edit', [number, { name: 'text', value: 'A whole new text for this item, long enough.' }]],
      ['draft', [{ name: 'edition', value: '2019-05' }]],
      ['publish', [{ name: 'edition', value: '2019-05' }]],
      ['queue', []],
    ];
    for (const [subcommand, options] of actions) {
      const answer = await answerTo(fake, sendNewsletter(subcommand, options));
      expect(titleOf(answer.data), subcommand).toBe(t('errors.editorsOnly', { command: 'newsletter' }));
    }
    // Roles belong to a server: in a DM nobody is an editor.
    const dm = await answerTo(fake, sendNewsletter('reject', [number], { user: EDITOR, dm: true }));
    expect(titleOf(dm.data)).toBe(t('errors.editorsOnly', { command: 'newsletter' }));
    expect(await bot.services.news.list()).toEqual(before);

    const queue = await answerTo(
      fake,
      sendNewsletter('queue', [{ name: 'status', value: 'approved' }], { user: EDITOR, roles: [EDITOR_ROLE_ID] }),
    );
    expect(titleOf(queue.data)).toBe(
      t('newsletter.queueTitle', { count: 1, status: t('newsletter.status.approved', { count: 1 }) }),
    );
  });

  it("reads a subcommand's options as its text is read, and refuses them in the same words", async () => {
    const editor = { user: EDITOR, roles: [EDITOR_ROLE_ID] };
    const typed = await bot.answer('newsletter publish 2019-13', {
      platform: 'discord',
      id: EDITOR.id,
      isEditor: true,
    });
    const given = await answerTo(fake, sendNewsletter('publish', [{ name: 'edition', value: '2019-13' }], editor));
    expect(titleOf(given.data)).toBe(escapeMarkdown(typed.title));
    expect(typed.title).toBe(t('newsletter.notAnEdition', { typed: '2019-13', example: '2019-05' }));
    const unknown = await answerTo(fake, sendNewsletter('archive', [], editor));
    expect(titleOf(unknown.data)).toBe(
      escapeMarkdown(
        t('arguments.unknownSubcommand', {
          command: 'newsletter',
          typed: 'archive',
          subcommands: 'queue, approve, reject, edit, draft, publish',
        }),
      ),
    );
  });
});

describe('Discord news safety', () => {
  it('never lets a posted message ping anyone', () => {
    const posts = fake.requests.filter(
      (r) =>
        (r.method === 'POST' || r.method === 'PATCH') &&
        /\/(channels\/\d+\/messages|interactions\/\d+\/[^/]+\/callback|webhooks\/\d+\/[^/]+(\/messages\/@original)?)$/.test(
          r.path,
        ),
    );
    const messages = posts
      .map((r) => (/callback$/.test(r.path) ? (r.body as { data?: MessageBody }).data : (r.body as MessageBody)))
      .filter((b): b is MessageBody => b !== undefined && (b.content !== undefined || b.embeds !== undefined));
    expect(messages.length).toBeGreaterThan(30);
    for (const message of messages) expect(message.allowed_mentions?.parse).toEqual([]);
  });

  it('drops malformed buttons, message commands and reactions, and answers the next one', async () => {
    const dropped = () => logs.filter((line) => line.includes('dropped a malformed gateway event')).length;
    const before = dropped();
    const message = messageData('A message for malformed events, long enough to be news.', { author: AUTHOR });
    fake.dispatch('INTERACTION_CREATE', {
      id: fake.newId(),
      type: 3,
      token: 't',
      application_id: APPLICATION_ID,
      user: PERSON,
      entitlements: [],
      data: { custom_id: 'gsef:help', component_type: 2 },
    });
    fake.dispatch('INTERACTION_CREATE', {
      id: fake.newId(),
      type: 2,
      token: 't',
      application_id: APPLICATION_ID,
      user: PERSON,
      entitlements: [],
      data: { id: '1', name: MESSAGE_COMMAND, type: 3, target_id: String(message.id) },
    });
    fake.dispatch('INTERACTION_CREATE', {
      id: fake.newId(),
      type: 2,
      token: 't',
      application_id: APPLICATION_ID,
      user: PERSON,
      entitlements: [],
      data: { id: '1', name: MESSAGE_COMMAND, type: 3, target_id: String(message.id), resolved: { messages: {} } },
    });
    fake.dispatch('MESSAGE_REACTION_ADD', {
      user_id: OTHER.id,
      channel_id: CHANNEL_ID,
      emoji: { id: null, name: '📰' },
    });
    fake.dispatch('MESSAGE_REACTION_ADD', {
      user_id: OTHER.id,
      channel_id: CHANNEL_ID,
      message_id: String(message.id),
    });
    await waitFor(() => dropped() - before >= 5, 'the malformed events dropped');
    const answer = await answerTo(fake, sendMessageCommand(fake, MESSAGE_COMMAND, message));
    expect(titleOf(answer.data)).toBe(
      escapeMarkdown(receivedFromOther(await itemWhere((i) => i.source.messageId === message.id))),
    );
    expect(dropped() - before).toBe(5);
  });

  it('stops with what to do when Discord refuses the Message Content intent', async () => {
    const strict = await FakeDiscord.start();
    strict.refusedIntents = GatewayIntentBits.MessageContent;
    try {
      const error = await startDiscord(
        bot,
        { token: 'fake-token', applicationId: APPLICATION_ID, restApi: restApiOf(strict.baseUrl), newsReactions: true },
        createLogger('info', () => {}),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect(error).toMatchObject({
        variable: 'DISCORD_NEWS_REACTIONS',
        message: expect.stringContaining('Message Content Intent'),
      });
    } finally {
      await strict.close();
    }
  });
});

describe('Discord agenda proposals', () => {
  it('takes a 📋 reaction as the reactor’s proposal for the next meeting, once they may propose, and tells them by DM', async () => {
    const writer = person('500000000000000031', 'yuki', 'Yuki');
    const rep = person('500000000000000032', 'joon', 'Joon');
    const message = messageData('Youth employment: results of the 2019 survey @everyone', { author: writer });
    fake.storeMessage(message);

    sendReaction(fake, message, rep, '📋');
    const [refused] = await dmsTo(rep);
    expect(JSON.stringify(refused!.body)).toContain("Only members' representatives on the steering committee");
    expect(await bot.services.proposals.all()).toEqual([]);

    await bot.services.roles.grant(
      { platform: 'discord', id: rep.id },
      'representative',
      'city-of-seoul',
      'test',
      '2019-05-10T00:00:00Z',
    );
    sendReaction(fake, message, rep, '📋');
    const [, accepted] = await dmsTo(rep, 2);
    const link = `https://discord.com/channels/${GUILD_ID}/${String(message.channel_id)}/${String(message.id)}`;
    expect(accepted!.body.content).toBe(t('proposals.aboutMarkedMessage', { link }));
    expect(JSON.stringify(accepted!.body)).toContain('Proposal #1 received for Steering Committee, Q3 2019');
    const [proposal] = await bot.services.proposals.all();
    expect(proposal).toMatchObject({
      meeting: 'sc-2019-q3',
      proposer: { platform: 'discord', id: rep.id, name: 'Joon', member: 'city-of-seoul' },
      source: { platform: 'discord', channel: message.channel_id, messageId: message.id },
    });
    expect(hasBroadcastMention(proposal!.text)).toBe(false);
  });

  it('tells the person who reacted, by DM in their words, when the marked message cannot be read', async () => {
    const reader = person('500000000000000033', 'ines', 'Inés');
    const before = await bot.services.proposals.all();
    // Never stored: Discord answers 404, as it does for a channel the bot may not read.
    const unreadable = messageData('Not readable', { author: reader });
    sendReaction(fake, unreadable, reader, '📋');
    sendReaction(fake, unreadable, reader, '📰');
    const told = (await dmsTo(reader, 2)).map((dm) => JSON.stringify(dm.body));
    expect(told.some((body) => body.includes(t('proposals.cannotRead')))).toBe(true);
    expect(told.some((body) => body.includes(t('discord.cannotRead')))).toBe(true);
    expect(await bot.services.proposals.all()).toEqual(before);
  });
});
