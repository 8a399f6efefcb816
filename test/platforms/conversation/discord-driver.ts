import type { APIEmbed } from 'discord.js';
import { silentLogger } from '../../../src/logger.js';
import { restApiOf } from '../../../src/platforms/discord/discord-config.js';
import { startDiscord } from '../../../src/platforms/discord/start-discord.js';
import { botWithNewsletter } from '../../support/test-bot.js';
import { waitFor } from '../../support/wait-for.js';
import { answerTo, replyTo, type MessageBody } from '../discord/discord-answers.js';
import {
  DM_CHANNEL_ID,
  PERSON,
  sendButton,
  sendCommand,
  sendMessage,
  type Person,
} from '../discord/discord-payloads.js';
import {
  APPLICATION_ID,
  EDITOR_ROLE_ID,
  EDITORIAL_CHANNEL_ID,
  FakeDiscord,
  type RecordedRequest,
} from '../discord/fake-discord.js';
import { NOW, type Person as Role, type PlatformDriver } from './conversation.js';

const MARIE: Person = { ...PERSON, id: '500000000000000021', username: 'marie', global_name: 'Marie' };
const EDITH: Person = { ...PERSON, id: '500000000000000022', username: 'edith', global_name: 'Edith' };
/** Who each person is in the server: their user, their Discord locale, their roles. */
const PEOPLE: Record<Role, { user: Person; locale: string; roles: string[] }> = {
  member: { user: PERSON, locale: 'en-US', roles: [] },
  francophone: { user: MARIE, locale: 'fr', roles: [] },
  editor: { user: EDITH, locale: 'en-US', roles: [EDITOR_ROLE_ID] },
};

/** What a Discord message shows: its content and its embeds' words, without Markdown's escapes. */
function wordsOf(body: MessageBody): string {
  const embed = (e: APIEmbed) => [
    e.title,
    e.description,
    ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
    e.footer?.text,
  ];
  return [body.content, ...(body.embeds ?? []).flatMap(embed)]
    .filter((text): text is string => typeof text === 'string')
    .join('\n')
    .replace(/\\(.)/g, '$1');
}

/**
 * Discord: the real discord.js client against the fake Discord, people using `/gsef` (with their
 * Discord locale), writing to the bot by DM and pressing buttons, as the gateway would bring them.
 * The editor holds a role of `newsletter.editors.discordRoles`; new items are announced in an
 * editorial channel.
 */
export async function startDiscordDriver(): Promise<PlatformDriver> {
  const fake = await FakeDiscord.start();
  const bot = await botWithNewsletter(NOW, {
    editors: { console: ['secretariat'], slackUsers: [], discordRoles: [EDITOR_ROLE_ID] },
    editorialChannels: { discord: EDITORIAL_CHANNEL_ID },
  });
  const platform = await startDiscord(
    bot,
    { token: 'fake-token', applicationId: APPLICATION_ID, restApi: restApiOf(fake.baseUrl) },
    silentLogger,
  );
  bot.services.outbox.attach(platform);
  const botPostsIn = (channel: string | undefined) =>
    fake
      .requestsTo('POST', new RegExp(`^/api/v10/channels/${channel}/messages$`))
      .filter((r) => r.status === 200) as (RecordedRequest & { body: MessageBody })[];

  return {
    adapter: platform,
    reminderChannel: '800000000000000020',
    knowsWhatItPosted: true,
    async ask(command, person) {
      // Each command is a subcommand of /gsef; the conversation asks commands without options.
      if (/\s/.test(command)) throw new Error(`the Discord driver sends commands without options, not "${command}"`);
      const { user, locale, roles } = PEOPLE[person];
      return wordsOf((await answerTo(fake, sendCommand(fake, command, [], { user, locale, roles }))).data);
    },
    async sendNews(text) {
      const id = sendMessage(fake, `news: ${text}`, { dm: true, author: PEOPLE.member.user });
      return wordsOf((await replyTo(fake, DM_CHANNEL_ID, id)).body);
    },
    async approve(number) {
      const customId = `gsef:newsletter approve ${number}`;
      const notice = await waitFor(
        () =>
          [...fake.messages.values()].find(
            (m) => m.channel_id === EDITORIAL_CHANNEL_ID && JSON.stringify(m.components ?? []).includes(customId),
          ),
        `the editorial notice of #${number}`,
      );
      const { user, roles } = PEOPLE.editor;
      return wordsOf((await answerTo(fake, sendButton(fake, customId, notice, { user, roles }))).data);
    },
    async toldMember(words) {
      // The DM the member wrote in (discord.js knows it from their message), or one the bot opened.
      const dms = () => [DM_CHANNEL_ID, fake.dmChannels.get(PEOPLE.member.user.id)].flatMap(botPostsIn);
      const told = await waitFor(
        () => dms().find((r) => words.every((w) => wordsOf(r.body).includes(w))),
        `a DM to the member with ${words.join(', ')}`,
      );
      return wordsOf(told.body);
    },
    async postedIn(channel) {
      return wordsOf((await waitFor(() => botPostsIn(channel)[0], `a post in ${channel}`)).body);
    },
    async stop() {
      await platform.stop();
      await fake.close();
    },
  };
}
