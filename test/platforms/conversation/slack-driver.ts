import { waitFor } from '../../support/wait-for.js';
import { FakeSlackApi, type RecordedCall } from '../slack/fake-slack-api.js';
import {
  buttonClickBody,
  buttonsOf,
  eventBody,
  postSigned,
  sendSlashCommand,
  slackPlainText,
  startTestSlack,
} from '../slack/slack-test-kit.js';
import { NOW, type Person, type PlatformDriver } from './conversation.js';

const USERS: Record<Person, string> = { member: 'UANA', francophone: 'UFR', editor: 'UEDITOR' };
const EDITORS_CHANNEL = 'CEDITORS';
/** The member's DM with the bot, as the fake's conversations.open names it. */
const MEMBER_DM = `D${USERS.member}`;

/** What a Slack message shows: its notification text and its blocks' words. */
function wordsOf(message: Record<string, unknown>): string {
  return `${String(message.text ?? '')}\n${slackPlainText(message.blocks ?? [])}`;
}

/**
 * Slack: the real Bolt app over HTTP against the fake Web API, people typing `/gsef …`, writing to
 * the bot by DM and pressing buttons, as Slack would send them (signed requests). The French
 * speaker's Slack locale is fr-FR; the editor is one of `newsletter.editors.slackUsers`, and new
 * items are announced in an editorial channel.
 */
export async function startSlackDriver(): Promise<PlatformDriver> {
  const fake = await FakeSlackApi.start();
  fake.locales.set(USERS.francophone, 'fr-FR');
  const slack = await startTestSlack(fake, NOW, undefined, {
    editors: { console: ['secretariat'], slackUsers: [USERS.editor], discordRoles: [] },
    editorialChannels: { slack: EDITORS_CHANNEL },
  });
  const env = { fake, slack };
  let sequence = 0;
  const postsTo = (channel: string): RecordedCall[] =>
    fake.succeeded('chat.postMessage').filter((c) => c.body.channel === channel);
  const send = async (body: string, contentType?: string) => {
    const response = await postSigned(slack.url, body, contentType ? { contentType } : {});
    if (response.status !== 200) throw new Error(`Slack's request was answered ${response.status}`);
  };

  return {
    adapter: slack.platform,
    reminderChannel: 'CREMINDERS',
    knowsWhatItPosted: true,
    async ask(command, person) {
      const { answer } = await sendSlashCommand(env, command, USERS[person], `ask-${++sequence}`);
      return wordsOf(answer);
    },
    async sendNews(text) {
      const ts = `1557446400.${String(++sequence).padStart(6, '0')}`;
      const before = postsTo(MEMBER_DM).length;
      const dm = { type: 'message', channel_type: 'im', channel: MEMBER_DM, user: USERS.member, ts, event_ts: ts };
      await send(eventBody({ ...dm, text: `news: ${text}` }), 'application/json');
      return wordsOf((await waitFor(() => postsTo(MEMBER_DM)[before], 'the answer to the news')).body);
    },
    async approve(number) {
      const command = `newsletter approve ${number}`;
      const notice = await waitFor(
        () => postsTo(EDITORS_CHANNEL).find((c) => buttonsOf(c.body.blocks).some((b) => b.value === command)),
        `the editorial notice of #${number}`,
      );
      const approve = buttonsOf(notice.body.blocks).find((b) => b.value === command)!;
      const responseId = `approve-${++sequence}`;
      const { text, blocks } = notice.body;
      const message = { type: 'message', ts: '1560000000.800001', bot_id: 'BBOT', text, blocks };
      await send(
        buttonClickBody(
          fake,
          { action_id: approve.action_id, value: approve.value, text: approve.text.text },
          { user: USERS.editor, responseId, channel: EDITORS_CHANNEL, message },
        ),
      );
      // The presser's answer; the other response marks the notice as dealt with, for the channel.
      const told = await waitFor(
        () => fake.responses(responseId).find((r) => r.replace_original === false),
        `the answer to Approve #${number}`,
      );
      return wordsOf(told);
    },
    async toldMember(words) {
      const told = await waitFor(
        () => postsTo(MEMBER_DM).find((c) => words.every((w) => wordsOf(c.body).includes(w))),
        `a DM to the member with ${words.join(', ')}`,
      );
      return wordsOf(told.body);
    },
    async postedIn(channel) {
      return wordsOf((await waitFor(() => postsTo(channel)[0], `a post in ${channel}`)).body);
    },
    async stop() {
      await slack.platform.stop();
      await fake.close();
    },
  };
}
