import { describe, expect, it } from 'vitest';
import type { NewsItem } from '../../../src/news/news-item.js';
import { hasBroadcastMention } from '../../../src/news/sanitize.js';
import { waitFor } from '../../support/wait-for.js';
import type { RecordedCall } from './fake-slack-api.js';
import {
  buttonClickBody,
  buttonsOf,
  type PostedButton,
  eventBody,
  postSigned,
  sendSlashCommand,
  slackPlainText,
  useTestSlack,
} from './slack-test-kit.js';

const env = useTestSlack(
  (fake) => {
    fake.locales.set('UFR', 'fr-FR');
    fake.names.set('UFR', 'Marie Dupont');
  },
  {
    editors: { console: ['secretariat'], slackUsers: ['UEDITOR'], discordRoles: [] },
    editorialChannels: { slack: 'CEDITORS' },
  },
);

let sequence = 0;

function nextTs(): string {
  sequence += 1;
  return `1557446500.${String(sequence).padStart(6, '0')}`;
}

async function send(body: string, contentType?: string): Promise<void> {
  const response = await postSigned(env.slack.url, body, contentType ? { contentType } : {});
  expect(response.status).toBe(200);
}

function postsTo(channel: string): RecordedCall[] {
  return env.fake.succeeded('chat.postMessage').filter((c) => c.body.channel === channel);
}

/** Every text Slack would show or notify with: the notification text and each block's. */
function shownTexts(post: RecordedCall): string[] {
  const blocks = post.body.blocks as {
    text?: { text: string };
    fields?: { text: string }[];
    elements?: { text?: unknown }[];
  }[];
  return [
    String(post.body.text),
    ...blocks.flatMap((b) => [
      b.text?.text,
      ...(b.fields ?? []).map((f) => f.text),
      ...(b.elements ?? []).map((e) =>
        typeof e.text === 'string' ? e.text : (e.text as { text?: string } | undefined)?.text,
      ),
    ]),
  ].filter((t): t is string => typeof t === 'string');
}

/** Sends `news: <text>` by DM as UFR and returns the new item and the notice posted to the editorial channel. */
async function submitByDm(text: string): Promise<{ item: NewsItem; notice: RecordedCall }> {
  const ts = nextTs();
  const noticesBefore = postsTo('CEDITORS').length;
  await send(
    eventBody({
      type: 'message',
      channel_type: 'im',
      user: 'UFR',
      channel: 'DUFR',
      text: `news: ${text}`,
      ts,
      event_ts: ts,
    }),
    'application/json',
  );
  const notice = await waitFor(() => postsTo('CEDITORS')[noticesBefore], 'the editorial notice');
  const item = (await env.slack.bot.services.news.list()).find((i) => i.source.messageId === ts)!;
  return { item, notice };
}

/** Presses a button of the notice as `user`; returns what was POSTed to the response URL, once `count` answers are in. */
async function press(
  notice: RecordedCall,
  button: PostedButton,
  user: string,
  count: number,
): Promise<Record<string, unknown>[]> {
  const responseId = `press-${++sequence}`;
  const message = {
    type: 'message',
    ts: '1560000000.800001',
    bot_id: 'BBOT',
    text: notice.body.text,
    blocks: notice.body.blocks,
  };
  await send(
    buttonClickBody(
      env.fake,
      { action_id: button.action_id, value: button.value, text: button.text.text },
      { user, responseId, channel: 'CEDITORS', message },
    ),
  );
  return waitFor(
    () => env.fake.responses(responseId).length >= count && env.fake.responses(responseId),
    `${count} answer(s) to the press`,
  );
}

describe('the editorial notice', () => {
  it('is posted to the editorial channel for each new item, with Approve and Reject buttons', async () => {
    const { item, notice } = await submitByDm(
      'Lyon opens a third place for social economy start-ups in the Confluence district.',
    );
    expect(item.status).toBe('pending');
    expect(notice.body.text).toContain(`#${item.id}`);
    expect(slackPlainText(notice.body.blocks)).toContain(
      'Lyon opens a third place for social economy start-ups in the Confluence district.',
    );
    expect(buttonsOf(notice.body.blocks)).toEqual([
      expect.objectContaining({ action_id: 'gsef_action_0', value: `newsletter approve ${item.id}`, style: 'primary' }),
      expect.objectContaining({ action_id: 'gsef_action_1', value: `newsletter reject ${item.id}`, style: 'danger' }),
    ]);
  });

  it("refuses a non-editor's Approve politely, and nothing changes", async () => {
    const { item, notice } = await submitByDm(
      'Mondragon cooperatives welcome a delegation of mayors from West Africa.',
    );
    const dmsBefore = env.fake.callsTo('conversations.open').length;
    const [answer] = await press(notice, buttonsOf(notice.body.blocks)[0]!, 'UPLAIN', 1);
    expect(answer).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: 'Sorry, only the editorial committee can use `newsletter`.',
    });
    expect((await env.slack.bot.services.news.get(item.id))!.status).toBe('pending');
    expect(env.fake.callsTo('conversations.open').length).toBe(dmsBefore);
  });

  it("approves on an editor's press, tells the author by DM in their language, and marks the notice", async () => {
    // Written in French: the author is told in the language of their news, unless they chose one with `lang`.
    const { item, notice } = await submitByDm(
      "Le Québec adopte son troisième plan d'action pour l'économie sociale, avec une enveloppe de cent millions de dollars.",
    );
    const approve = buttonsOf(notice.body.blocks)[0]!;
    const [update, answer] = await press(notice, approve, 'UEDITOR', 2);
    const approved = (await env.slack.bot.services.news.get(item.id))!;
    expect(approved).toMatchObject({ status: 'approved', edition: '2019-05' });
    expect(approved.history.at(-1)).toMatchObject({ action: 'approved', by: 'ueditor (slack:UEDITOR)' });
    expect(answer).toMatchObject({
      response_type: 'ephemeral',
      text: `#${item.id} approved, for the 2019-05 edition.`,
    });
    // Everyone in the channel sees who dealt with it, and the buttons are gone.
    expect(update).toMatchObject({ replace_original: true });
    expect(buttonsOf(update!.blocks)).toEqual([]);
    expect(slackPlainText(update!.blocks)).toContain(`${approve.text.text} — <@UEDITOR>`);
    expect(slackPlainText(update!.blocks)).toContain('Le Québec adopte son troisième plan');
    // The author hears of it in French, by DM (the notice goes out after the answer: wait for it).
    const told = await waitFor(
      () =>
        postsTo('DUFR').find(
          (c) => String(c.body.text).includes(`#${item.id}`) && String(c.body.text).startsWith('Bonne nouvelle'),
        ),
      'the DM to the author',
    );
    expect(told.body.text).toBe(
      `Bonne nouvelle\u00a0: votre actualité #${item.id} a été approuvée pour le bulletin 2019-05.`,
    );
    expect(env.fake.succeeded('conversations.open').some((c) => c.body.users === 'UFR')).toBe(true);
  });

  it('shows no live @channel or @here, from a DM full of them', async () => {
    const { item, notice } = await submitByDm(
      '<!channel> <!here|here> @here @everyone The Bamako forum on the social economy opens its registrations today.',
    );
    expect(hasBroadcastMention(item.text)).toBe(false);
    expect(item.text).toContain('The Bamako forum on the social economy opens its registrations today.');
    const texts = shownTexts(notice);
    expect(texts.join('\n')).toContain('The Bamako forum');
    for (const text of texts) expect(hasBroadcastMention(text), text).toBe(false);
    expect(notice.body).toMatchObject({ parse: 'none', link_names: 'false' });
  });
});

describe('moderation from Slack', () => {
  it.each([
    'newsletter approve 1',
    'newsletter reject 1 off topic',
    'newsletter edit 1 A different text for this news item, long enough.',
    'newsletter draft',
    'newsletter publish 2019-05',
    'newsletter queue',
  ])("refuses a non-editor's `/gsef %s` and leaves the queue as it was", async (command) => {
    await submitByDm(
      `An item to moderate, number ${++sequence}: Seoul's social economy week draws ten thousand visitors.`,
    );
    const before = await env.slack.bot.services.news.list();
    const { status, answer } = await sendSlashCommand(env, command, 'UPLAIN', `moderate-${++sequence}`);
    expect(status).toBe(200);
    expect(answer.text).toBe('Sorry, only the editorial committee can use `newsletter`.');
    expect(await env.slack.bot.services.news.list()).toEqual(before);
  });

  it("lets an editor's `/gsef newsletter queue` list the pending items", async () => {
    await submitByDm('Liège hosts the European meeting of social economy cities next autumn.');
    const { status, answer } = await sendSlashCommand(env, 'newsletter queue', 'UEDITOR', `queue-${++sequence}`);
    expect(status).toBe(200);
    expect(slackPlainText(answer.blocks)).toContain(
      'Liège hosts the European meeting of social economy cities next autumn.',
    );
  });
});
