import { describe, expect, it } from 'vitest';
import type { NewsItem } from '../../../src/news/news-item.js';
import { longNews, newsSeenAs } from '../../support/long-news.js';
import { pollUntil, waitFor } from '../../support/wait-for.js';
import type { RecordedCall } from './fake-slack-api.js';
import {
  buttonClickBody,
  buttonsOf,
  eventBody,
  messageShortcutBody,
  postSigned,
  sendSlashCommand,
  slackPlainText,
  useTestSlack,
} from './slack-test-kit.js';

const env = useTestSlack(
  (fake) => {
    fake.locales.set('UFR', 'fr-FR');
    fake.names.set('UANA', 'Ana García');
    fake.names.set('UKIM', 'Kim Min-ji');
    fake.closedChannels.add('CPRIVATE');
  },
  { newsChannels: { slack: ['CNEWS'], discord: [] } },
);

let sequence = 0;

/** A fresh message ts, so that no two tests send the same message by accident. */
function nextTs(): string {
  sequence += 1;
  return `1557446400.${String(sequence).padStart(6, '0')}`;
}

async function sendEvent(event: Record<string, unknown>): Promise<void> {
  const response = await postSigned(env.slack.url, eventBody(event), { contentType: 'application/json' });
  expect(response.status).toBe(200);
}

/** `user` adds `reaction` to the message of `author` at `ts` in `channel`, as Slack reports it. */
function react(user: string, reaction: string, author: string, channel: string, ts: string): Promise<void> {
  return sendEvent({
    type: 'reaction_added',
    user,
    reaction,
    item_user: author,
    item: { type: 'message', channel, ts },
    event_ts: nextTs(),
  });
}

async function sendInteraction(body: string): Promise<void> {
  const response = await postSigned(env.slack.url, body);
  expect(response.status).toBe(200);
}

function postsTo(channel: string): RecordedCall[] {
  return env.fake.succeeded('chat.postMessage').filter((c) => c.body.channel === channel);
}

function ephemeralsTo(channel: string, user: string): RecordedCall[] {
  return env.fake.succeeded('chat.postEphemeral').filter((c) => c.body.channel === channel && c.body.user === user);
}

function directMessage(
  user: string,
  channel: string,
  ts: string,
  text: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { type: 'message', channel_type: 'im', user, text, ts, channel, event_ts: ts, ...extra };
}

async function itemFrom(channel: string, ts: string): Promise<NewsItem | undefined> {
  return (await env.slack.bot.services.news.list()).find(
    (i) => i.source.channel === channel && i.source.messageId === ts,
  );
}

/** The number in "… as #12." */
function numberIn(text: unknown): number {
  const found = /#(\d+)/.exec(String(text));
  if (!found) throw new Error(`no #number in ${String(text)}`);
  return Number(found[1]);
}

describe('`/gsef news …`', () => {
  it('queues the text with the channel it was sent from, and refuses the same text again', async () => {
    const text = 'news The Seoul social economy centre opens its doors to forty new cooperatives.';
    const { status, answer: first } = await sendSlashCommand(env, text, 'UANA', 'slash-news-1');
    expect(status).toBe(200);
    expect(first.text).toMatch(/^Thank you! Your news is in the newsletter queue as #\d+\.$/);
    const item = await env.slack.bot.services.news.get(numberIn(first.text));
    expect(item).toMatchObject({
      text: 'The Seoul social economy centre opens its doors to forty new cooperatives.',
      author: { platform: 'slack', userId: 'UANA', displayName: 'uana' },
      source: { platform: 'slack', channel: 'C1' },
    });
    const { answer: second } = await sendSlashCommand(env, text, 'UANA', 'slash-news-2');
    expect(second.text).toBe(`This news is already in the queue as #${item!.id}.`);
  });
});

describe('news of up to 4,000 characters, on every way in', () => {
  it('takes `/gsef news` as written: paragraphs and lines kept, the people it names kept as inert names', async () => {
    const thanks = '\n\nWith thanks to @\u200Bkim & @\u200BUANA.';
    const body = longNews(4000 - thanks.length, 'Slack slash command');
    const { answer } = await sendSlashCommand(
      env,
      `news ${body}\n\nWith thanks to <@UKIM|kim> &amp; <@UANA>.`,
      'ULONG1',
      'slash-long',
    );
    expect(answer.text).toMatch(/^Thank you! Your news is in the newsletter queue as #\d+\.$/);
    const item = await env.slack.bot.services.news.get(numberIn(answer.text));
    expect(item!.text).toBe(body + thanks);
    expect([...item!.text]).toHaveLength(4000);

    const { answer: tooLong } = await sendSlashCommand(
      env,
      `news ${longNews(4001, 'Slack, too long')}`,
      'ULONG1',
      'slash-too-long',
    );
    expect(tooLong.text).toBe(
      'That is too long for one news item: please keep it to 4,000 characters at most, or send it in parts.',
    );
  });

  it('counts `/gsef news` as people see it: Slack mentions as the names they show, accents, emoji sequences and flags as one character each', async () => {
    const slackMention = (name: string) => `<@U0${name.toUpperCase()}|${name}>`;
    const seen = newsSeenAs(4000, 'Slack, seen as 4,000', slackMention);
    const { answer } = await sendSlashCommand(env, `news ${seen}`, 'USEEN', 'slash-seen');
    expect(answer.text).toMatch(/^Thank you! Your news is in the newsletter queue as #\d+\.$/);
    const item = await env.slack.bot.services.news.get(numberIn(answer.text));
    expect(item!.text).toBe(seen.replaceAll(slackMention('ana'), '@\u200Bana'));

    const { answer: tooLong } = await sendSlashCommand(
      env,
      `news ${newsSeenAs(4001, 'Slack, seen as 4,001', slackMention)}`,
      'USEEN',
      'slash-seen-too-long',
    );
    expect(tooLong.text).toBe(
      'That is too long for one news item: please keep it to 4,000 characters at most, or send it in parts.',
    );
    const { answer: tooShort } = await sendSlashCommand(
      env,
      'news <@U1|a> <@U2|b> <@U3|c> <@U4|d> <@U5|e> <@U6|f>',
      'USEEN',
      'slash-seen-too-short',
    );
    expect(tooShort.text).toBe('That is a little short for a news item: please write at least 20 characters.');
  });

  it('takes a direct message, a news channel post, a 📰 reaction and the shortcut as written', async () => {
    const [dm, post, reacted, chosen] = [nextTs(), nextTs(), nextTs(), nextTs()];
    const texts = ['Slack DM', 'Slack news channel', 'Slack reaction', 'Slack shortcut'].map((tag) =>
      longNews(4000, tag),
    );
    await sendEvent(directMessage('ULONG2', 'DLONG', dm, `news: ${texts[0]}`));
    await sendEvent({
      type: 'message',
      channel_type: 'channel',
      channel: 'CNEWS',
      user: 'ULONG2',
      ts: post,
      event_ts: post,
      text: texts[1],
    });
    env.fake.addMessage('CLONG', { ts: reacted, user: 'ULONG2', text: texts[2]! });
    await react('ULONG3', 'newspaper', 'ULONG2', 'CLONG', reacted);
    await sendInteraction(
      messageShortcutBody(
        env.fake,
        { ts: chosen, user: 'ULONG2', text: texts[3]! },
        { user: 'ULONG3', channel: 'CLONG', responseId: 'shortcut-long' },
      ),
    );
    const queued = await pollUntil(async () => {
      const items = await Promise.all([
        itemFrom('DLONG', dm),
        itemFrom('CNEWS', post),
        itemFrom('CLONG', reacted),
        itemFrom('CLONG', chosen),
      ]);
      return items.every((item) => item !== undefined) && items.map((item) => item!.text);
    }, 'the four items in the queue');
    expect(queued).toEqual(texts);
  });

  it('counts a 📰 reaction against the one who reacted: the 21st is refused to them, and the author keeps their own 20', async () => {
    env.fake.locales.set('UMARKER', 'es-ES');
    const marked = Array.from({ length: 21 }, () => nextTs());
    for (const [i, ts] of marked.entries()) {
      env.fake.addMessage('CMARK', {
        ts,
        user: 'UVICTIM',
        text: `Message ${i} of the victim, marked by someone else for the newsletter.`,
      });
      await sendEvent({
        type: 'reaction_added',
        user: 'UMARKER',
        reaction: 'newspaper',
        item_user: 'UVICTIM',
        item: { type: 'message', channel: 'CMARK', ts },
        event_ts: nextTs(),
      });
      await waitFor(() => ephemeralsTo('CMARK', 'UMARKER')[i], `the answer to reaction ${i + 1}`);
    }
    const answers = ephemeralsTo('CMARK', 'UMARKER').map((c) => String(c.body.text));
    expect(answers.slice(0, 20).every((text) => text.startsWith('¡Gracias!'))).toBe(true);
    expect(answers[20]).toMatch(/^Hoy ha enviado 20 mensajes al boletín, el límite diario/);
    expect(await itemFrom('CMARK', marked[0]!)).toMatchObject({
      author: { userId: 'UVICTIM' },
      submittedBy: { userId: 'UMARKER' },
    });
    expect(await itemFrom('CMARK', marked[20]!)).toBeUndefined();

    const own = nextTs();
    await sendEvent({
      type: 'message',
      channel_type: 'channel',
      channel: 'CNEWS',
      user: 'UVICTIM',
      ts: own,
      event_ts: own,
      text: 'The victim still sends news of their own, under their own daily limit.',
    });
    const told = await waitFor(() => ephemeralsTo('CNEWS', 'UVICTIM')[0], 'the answer to the author');
    expect(told.body.text).toMatch(/^Thank you! Your news is in the newsletter queue as #\d+\.$/);
  });
});

describe('direct messages as news', () => {
  it('queues a DM that starts with `news:` at once, with its file, channel, ts and permalink, and answers #N in the DM', async () => {
    const ts = nextTs();
    const file = {
      id: 'F1',
      name: 'programme.pdf',
      permalink: 'https://gsef.slack.com/files/UANA/F1/programme.pdf',
      url_private: 'https://files.slack.com/files-pri/T0GSEF-F1/programme.pdf',
    };
    const event = directMessage(
      'UANA',
      'DANA',
      ts,
      'news: Montréal hosts the &amp; social economy week, from 3 to 7 June, with 60 workshops.',
      { subtype: 'file_share', files: [file] },
    );
    await sendEvent(event);
    const answer = await waitFor(() => postsTo('DANA')[0], 'the answer');
    const item = await itemFrom('DANA', ts);
    expect(answer.body.text).toBe(`Thank you! Your news is in the newsletter queue as #${item!.id}.`);
    expect(item).toMatchObject({
      text: 'Montréal hosts the & social economy week, from 3 to 7 June, with 60 workshops.',
      attachments: [file.permalink],
      author: { platform: 'slack', userId: 'UANA', displayName: 'Ana García' },
      source: { platform: 'slack', channel: 'DANA', messageId: ts, permalink: env.fake.permalink('DANA', ts) },
    });

    // Slack delivers the same message again (a retry): the queue refuses it by its source.
    await sendEvent(event);
    const again = await waitFor(() => postsTo('DANA')[1], 'the second answer');
    expect(again.body.text).toBe(`This news is already in the queue as #${item!.id}.`);
  });

  it('queues the DM without a permalink when Slack will not give one', async () => {
    env.fake.refusals.set('chat.getPermalink', 'message_not_found');
    try {
      const ts = nextTs();
      await sendEvent(
        directMessage(
          'UANA',
          'DPERMA',
          ts,
          'news: The Bilbao network of cooperatives publishes its 2018 annual report.',
        ),
      );
      await waitFor(() => postsTo('DPERMA')[0], 'the answer');
      const item = await itemFrom('DPERMA', ts);
      expect(item!.source).toEqual({ platform: 'slack', channel: 'DPERMA', messageId: ts });
      expect(env.slack.logs.some((e) => e.level === 'warn' && e.message.includes('permalink'))).toBe(true);
    } finally {
      env.fake.refusals.delete('chat.getPermalink');
    }
  });

  it('asks with Yes / No buttons about a DM that reads like news; only its author can say yes, and then it is queued', async () => {
    const ts = nextTs();
    const text = 'Our cooperative in Dakar trained two hundred young farmers in organic methods this spring.';
    await sendEvent(directMessage('UANA', 'DASK', ts, text));
    const question = await waitFor(() => postsTo('DASK')[0], 'the question');
    expect(question.body.text).toBe('This looks like news. Shall I add it to the monthly newsletter queue?');
    const [yes, no] = buttonsOf(question.body.blocks);
    expect(yes).toMatchObject({ action_id: 'gsef_action_0', style: 'primary', text: { text: 'Yes, add it' } });
    expect(yes!.value).toMatch(/^news confirm [0-9a-f-]{36}$/);
    expect(no).toMatchObject({ action_id: 'gsef_action_1', text: { text: 'No' } });
    expect(no!.value).toMatch(/^news cancel [0-9a-f-]{36}$/);
    expect(await itemFrom('DASK', ts)).toBeUndefined();
    const message = {
      type: 'message',
      ts: '1560000000.900001',
      bot_id: 'BBOT',
      text: question.body.text,
      blocks: question.body.blocks,
    };

    // Someone else's press (a forwarded payload, a shared screen): refused, the question stays.
    await sendInteraction(
      buttonClickBody(
        env.fake,
        { action_id: yes!.action_id, value: yes!.value, text: yes!.text.text },
        { user: 'UMALLORY', responseId: 'yes-mallory', channel: 'DASK', message },
      ),
    );
    const refused = await waitFor(() => env.fake.responses('yes-mallory')[0], 'the refusal');
    expect(String(refused.text)).toContain('That question has expired (or was not yours)');
    expect(env.fake.responses('yes-mallory').some((r) => r.replace_original === true)).toBe(false);
    expect(await itemFrom('DASK', ts)).toBeUndefined();

    await sendInteraction(
      buttonClickBody(
        env.fake,
        { action_id: yes!.action_id, value: yes!.value, text: yes!.text.text },
        { user: 'UANA', responseId: 'yes-ana', channel: 'DASK', message },
      ),
    );
    const [update, answer] = await waitFor(
      () => env.fake.responses('yes-ana').length >= 2 && env.fake.responses('yes-ana'),
      'the update and the answer',
    );
    const item = await itemFrom('DASK', ts);
    expect(item).toMatchObject({
      text,
      author: { userId: 'UANA' },
      source: { channel: 'DASK', messageId: ts, permalink: env.fake.permalink('DASK', ts) },
    });
    expect(answer).toMatchObject({
      response_type: 'in_channel',
      replace_original: false,
      text: `Thank you! Your news is in the newsletter queue as #${item!.id}.`,
    });
    // The buttons give way to who pressed which, so that nobody presses twice.
    expect(update!.replace_original).toBe(true);
    expect(buttonsOf(update!.blocks)).toEqual([]);
    expect(slackPlainText(update!.blocks)).toContain('Yes, add it — <@UANA>');
    expect(slackPlainText(update!.blocks)).toContain(text);
  });

  it('adds nothing when the author says no', async () => {
    const ts = nextTs();
    await sendEvent(
      directMessage(
        'UANA',
        'DNO',
        ts,
        'Our association in Lima opened a fair trade shop for local artisans last week.',
      ),
    );
    const question = await waitFor(() => postsTo('DNO')[0], 'the question');
    const no = buttonsOf(question.body.blocks)[1]!;
    await sendInteraction(
      buttonClickBody(
        env.fake,
        { action_id: no.action_id, value: no.value, text: no.text.text },
        {
          user: 'UANA',
          responseId: 'no-ana',
          channel: 'DNO',
          message: { type: 'message', ts: '1560000000.900002', text: question.body.text, blocks: question.body.blocks },
        },
      ),
    );
    const answer = await waitFor(
      () => env.fake.responses('no-ana').find((r) => r.replace_original === false),
      'the answer',
    );
    expect(answer.text).toBe('All right, I have not added it.');
    expect(await itemFrom('DNO', ts)).toBeUndefined();
  });

  it('still answers a question', async () => {
    await sendEvent(directMessage('UANA', 'DQUESTION', nextTs(), 'When is the next event in Africa?'));
    const answer = await waitFor(() => postsTo('DQUESTION')[0], 'the answer');
    expect(answer.body.text).toBe('Next GSEF event');
    expect(buttonsOf(answer.body.blocks)).toEqual([]);
  });
});

describe('a button that carries no command', () => {
  it.each([
    ['an unknown word', 'drop everything'],
    ['an empty value', ''],
    ['a value longer than a button holds', `news ${'x'.repeat(2100)}`],
  ])('is refused politely: %s', async (_what, value) => {
    const responseId = `forged-${++sequence}`;
    await sendInteraction(
      buttonClickBody(
        env.fake,
        { action_id: 'gsef_action_0', value, text: 'Approve' },
        {
          user: 'UANA',
          responseId,
          channel: 'CNEWS',
          message: { type: 'message', ts: '1560000000.900003', text: 'x', blocks: [] },
        },
      ),
    );
    const answer = await waitFor(() => env.fake.responses(responseId)[0], 'the answer');
    expect(answer).toMatchObject({
      response_type: 'ephemeral',
      text: 'That button does not work any more. Type the command instead (/gsef help).',
    });
    expect(env.fake.responses(responseId)).toHaveLength(1);
  });
});

describe('news channels', () => {
  it('queues a post in a news channel as its author’s and tells the author alone, with its number', async () => {
    const ts = nextTs();
    await sendEvent({
      type: 'message',
      channel_type: 'channel',
      channel: 'CNEWS',
      user: 'UANA',
      ts,
      event_ts: ts,
      text: 'The Basque country adopts a law on the social economy, after two years of consultation.',
    });
    const told = await waitFor(() => ephemeralsTo('CNEWS', 'UANA')[0], 'the private answer');
    const item = await itemFrom('CNEWS', ts);
    expect(told.body.text).toBe(`Thank you! Your news is in the newsletter queue as #${item!.id}.`);
    expect(told.body).toMatchObject({ parse: 'none', link_names: 'false' });
    expect(item).toMatchObject({
      author: { userId: 'UANA', displayName: 'Ana García' },
      source: { channel: 'CNEWS', messageId: ts, permalink: env.fake.permalink('CNEWS', ts) },
    });
  });

  it('leaves alone replies in threads, bots, edits, other channels and questions to the bot', async () => {
    const text = 'Gothenburg opens a second hub for social enterprises near its central station.';
    const before = env.fake.callsTo('chat.postEphemeral').length;
    const parent = nextTs();
    await sendEvent({
      type: 'message',
      channel_type: 'channel',
      channel: 'CNEWS',
      user: 'UKIM',
      ts: nextTs(),
      thread_ts: parent,
      text,
    });
    await sendEvent({
      type: 'message',
      channel_type: 'channel',
      channel: 'CNEWS',
      subtype: 'bot_message',
      bot_id: 'BOTHER',
      ts: nextTs(),
      text,
    });
    await sendEvent({
      type: 'message',
      channel_type: 'channel',
      channel: 'CNEWS',
      bot_id: 'BOTHER',
      user: 'UOTHERBOT',
      ts: nextTs(),
      text,
    });
    await sendEvent({
      type: 'message',
      channel_type: 'channel',
      channel: 'CNEWS',
      subtype: 'message_changed',
      ts: nextTs(),
      message: { user: 'UKIM', text, ts: parent },
      previous_message: { user: 'UKIM', text: 'x', ts: parent },
    });
    await sendEvent({
      type: 'message',
      channel_type: 'channel',
      channel: 'CGENERAL',
      user: 'UKIM',
      ts: nextTs(),
      text,
    });
    await sendEvent({
      type: 'message',
      channel_type: 'channel',
      channel: 'CNEWS',
      user: 'UKIM',
      ts: nextTs(),
      text: `<@UBOT> ${text}`,
    });
    const last = nextTs();
    await sendEvent({
      type: 'message',
      channel_type: 'channel',
      channel: 'CNEWS',
      user: 'UKIM',
      ts: last,
      text: 'The social economy network of Quebec turns twenty, and celebrates in Montréal.',
    });
    await waitFor(() => ephemeralsTo('CNEWS', 'UKIM')[0], 'the answer to the one real post');
    expect(env.fake.callsTo('chat.postEphemeral').length - before).toBe(1);
    const items = await env.slack.bot.services.news.list();
    expect(
      items.filter((i) => i.author.userId === 'UKIM' || i.author.userId === 'UOTHERBOT').map((i) => i.source.messageId),
    ).toEqual([last]);
  });
});

describe('the :newspaper: reaction', () => {
  it('queues the message as its author’s, tells the one who reacted in their language, and refuses it a second time', async () => {
    const ts = nextTs();
    env.fake.addMessage('CGENERAL', {
      ts,
      user: 'UKIM',
      text: 'Seoul city hall will fund fifty new social enterprises in 2019, says the mayor.',
    });
    await sendEvent({
      type: 'reaction_added',
      user: 'UFR',
      reaction: 'newspaper',
      item_user: 'UKIM',
      item: { type: 'message', channel: 'CGENERAL', ts },
      event_ts: nextTs(),
    });
    const told = await waitFor(() => ephemeralsTo('CGENERAL', 'UFR')[0], 'the private answer');
    const item = await itemFrom('CGENERAL', ts);
    expect(told.body.text).toBe(
      `Merci\u00a0! Le message est dans la file du bulletin sous le numéro #${item!.id}, au nom de son auteur.`,
    );
    expect(item).toMatchObject({
      text: 'Seoul city hall will fund fifty new social enterprises in 2019, says the mayor.',
      author: { platform: 'slack', userId: 'UKIM', displayName: 'Kim Min-ji' },
      source: { platform: 'slack', channel: 'CGENERAL', messageId: ts, permalink: env.fake.permalink('CGENERAL', ts) },
    });
    const fetched = env.fake.succeeded('conversations.history').find((c) => c.body.latest === ts)!;
    expect(fetched.body).toMatchObject({ channel: 'CGENERAL', latest: ts, inclusive: 'true', limit: '1' });

    await sendEvent({
      type: 'reaction_added',
      user: 'UANA',
      reaction: 'newspaper',
      item_user: 'UKIM',
      item: { type: 'message', channel: 'CGENERAL', ts },
      event_ts: nextTs(),
    });
    const again = await waitFor(() => ephemeralsTo('CGENERAL', 'UANA')[0], 'the second answer');
    expect(again.body.text).toBe(`This news is already in the queue as #${item!.id}.`);

    // The same message through the shortcut: the same refusal.
    await sendInteraction(
      messageShortcutBody(
        env.fake,
        { ts, user: 'UKIM', text: 'Seoul city hall will fund fifty new social enterprises in 2019, says the mayor.' },
        { user: 'UANA', channel: 'CGENERAL', responseId: 'shortcut-same' },
      ),
    );
    const viaShortcut = await waitFor(() => env.fake.responses('shortcut-same')[0], 'the shortcut answer');
    expect(viaShortcut.text).toBe(`This news is already in the queue as #${item!.id}.`);
  });

  it('finds a reply in a thread with conversations.replies', async () => {
    const parent = nextTs();
    const reply = nextTs();
    env.fake.addMessage('CTHREAD', {
      ts: parent,
      user: 'UANA',
      text: 'What happened in Bamako this month?',
      thread_ts: parent,
    });
    env.fake.addMessage('CTHREAD', {
      ts: reply,
      user: 'UKIM',
      text: 'Bamako opened its first cooperative bank branch for women entrepreneurs.',
      thread_ts: parent,
    });
    await react('UANA', 'newspaper', 'UKIM', 'CTHREAD', reply);
    await waitFor(() => ephemeralsTo('CTHREAD', 'UANA')[0], 'the private answer');
    expect(await itemFrom('CTHREAD', reply)).toMatchObject({
      text: 'Bamako opened its first cooperative bank branch for women entrepreneurs.',
      author: { userId: 'UKIM' },
    });
    expect(env.fake.succeeded('conversations.replies').some((c) => c.body.ts === reply)).toBe(true);
  });

  it('says so, by DM, when it cannot read the channel', async () => {
    const ts = nextTs();
    await sendEvent({
      type: 'reaction_added',
      user: 'UANA',
      reaction: 'newspaper',
      item_user: 'UKIM',
      item: { type: 'message', channel: 'CPRIVATE', ts },
      event_ts: nextTs(),
    });
    const told = await waitFor(() => postsTo('DUANA')[0], 'the direct message');
    expect(String(told.body.text)).toContain('I cannot read that message');
    expect(await itemFrom('CPRIVATE', ts)).toBeUndefined();
  });

  it("refuses the bot's own messages, such as an editorial notice, through the reaction and the shortcut", async () => {
    const ts = nextTs();
    const notice = {
      ts,
      user: 'UBOT',
      bot_id: 'BBOT',
      text: 'News #1 from Ana García, to review: the Seoul social economy centre opens.',
    };
    env.fake.addMessage('CBOTS', notice);
    await sendEvent({
      type: 'reaction_added',
      user: 'UANA',
      reaction: 'newspaper',
      item_user: 'UBOT',
      item: { type: 'message', channel: 'CBOTS', ts },
      event_ts: nextTs(),
    });
    const told = await waitFor(() => ephemeralsTo('CBOTS', 'UANA')[0], 'the private answer');
    expect(told.body.text).toBe('That is one of my own messages: only messages people wrote can go to the newsletter.');
    await sendInteraction(
      messageShortcutBody(env.fake, notice, { user: 'UFR', channel: 'CBOTS', responseId: 'shortcut-own' }),
    );
    const answer = await waitFor(() => env.fake.responses('shortcut-own')[0], 'the shortcut answer');
    expect(answer.text).toBe(
      "C'est l'un de mes propres messages\u00a0: seuls les messages écrits par des personnes peuvent aller dans le bulletin.",
    );
    expect(await itemFrom('CBOTS', ts)).toBeUndefined();
  });

  it("refuses Slack's own messages, such as someone joining, and ignores a bot user's :newspaper:", async () => {
    env.fake.bots.add('UWORKFLOW');
    const byPerson = nextTs();
    env.fake.addMessage('CJOIN', {
      ts: byPerson,
      user: 'UKIM',
      text: 'Porto Alegre hosts the solidarity economy fair of the south of Brazil in November.',
    });
    await react('UWORKFLOW', 'newspaper', 'UKIM', 'CJOIN', byPerson);
    const joined = nextTs();
    env.fake.addMessage('CJOIN', { ts: joined, subtype: 'channel_join', user: 'UKIM', text: '<@UKIM> has joined' });
    await react('UANA', 'newspaper', 'UKIM', 'CJOIN', joined);
    const told = await waitFor(() => ephemeralsTo('CJOIN', 'UANA')[0], 'the private answer');
    expect(told.body.text).toBe(
      'That message comes from the chat platform itself (someone joining, a pin, a topic change): only messages people wrote can go to the newsletter.',
    );
    // The bot user's reaction, sent before, was dropped without even reading its message.
    expect(env.fake.callsTo('conversations.history').some((c) => c.body.latest === byPerson)).toBe(false);
    expect(await itemFrom('CJOIN', byPerson)).toBeUndefined();
    expect(await itemFrom('CJOIN', joined)).toBeUndefined();
  });

  it('ignores other reactions', async () => {
    const ts = nextTs();
    env.fake.addMessage('CGENERAL', {
      ts,
      user: 'UKIM',
      text: 'Barcelona hosts the social and solidarity economy fair in October.',
    });
    await sendEvent({
      type: 'reaction_added',
      user: 'UANA',
      reaction: '+1',
      item_user: 'UKIM',
      item: { type: 'message', channel: 'CGENERAL', ts },
      event_ts: nextTs(),
    });
    // A :newspaper: sent after it is answered after it: by then the +1 would have been.
    const later = nextTs();
    env.fake.addMessage('CGENERAL', {
      ts: later,
      user: 'UKIM',
      text: 'Durban trains a hundred social entrepreneurs in the townships this year.',
    });
    await react('UKIM', 'newspaper', 'UKIM', 'CGENERAL', later);
    await waitFor(() => ephemeralsTo('CGENERAL', 'UKIM')[0], 'the answer to the later reaction');
    expect(env.fake.callsTo('conversations.history').some((c) => c.body.latest === ts)).toBe(false);
    expect(await itemFrom('CGENERAL', ts)).toBeUndefined();
  });
});

describe('the "Send to GSEF newsletter" shortcut', () => {
  it('queues the message as its author’s, with its files, and answers the one who chose it privately', async () => {
    const ts = nextTs();
    const file = {
      id: 'F2',
      name: 'photo.jpg',
      permalink: 'https://gsef.slack.com/files/UKIM/F2/photo.jpg',
      url_private: 'https://files.slack.com/files-pri/T0GSEF-F2/photo.jpg',
    };
    const message = {
      ts,
      user: 'UKIM',
      text: 'Photos of the Kenyan women’s cooperatives visit, with the mayor of Nairobi.',
      files: [file],
    };
    await sendInteraction(
      messageShortcutBody(env.fake, message, { user: 'UANA', channel: 'CELSEWHERE', responseId: 'shortcut-1' }),
    );
    const answer = await waitFor(() => env.fake.responses('shortcut-1')[0], 'the answer');
    const item = await itemFrom('CELSEWHERE', ts);
    expect(answer).toMatchObject({
      response_type: 'ephemeral',
      text: `Thank you! The message is in the newsletter queue as #${item!.id}, in its author's name.`,
    });
    expect(item).toMatchObject({
      attachments: [file.permalink],
      author: { userId: 'UKIM', displayName: 'Kim Min-ji' },
      source: { channel: 'CELSEWHERE', messageId: ts, permalink: env.fake.permalink('CELSEWHERE', ts) },
    });

    await sendInteraction(
      messageShortcutBody(env.fake, message, { user: 'UANA', channel: 'CELSEWHERE', responseId: 'shortcut-2' }),
    );
    expect((await waitFor(() => env.fake.responses('shortcut-2')[0], 'the second answer')).text).toBe(
      `This news is already in the queue as #${item!.id}.`,
    );
  });

  it('files another app’s message under the one who chose it', async () => {
    const ts = nextTs();
    await sendInteraction(
      messageShortcutBody(
        env.fake,
        { ts, bot_id: 'BRSS', text: 'RIPESS announces its intercontinental meeting in Barcelona next year.' },
        { user: 'UANA', channel: 'CFEED', responseId: 'shortcut-bot' },
      ),
    );
    await waitFor(() => env.fake.responses('shortcut-bot')[0], 'the answer');
    expect((await itemFrom('CFEED', ts))!.author).toEqual({ platform: 'slack', userId: 'UANA', displayName: 'uana' });
  });
});

describe('the :clipboard: reaction', () => {
  it('proposes the message for the next meeting as the reactor’s, once they may propose, in their language', async () => {
    const ts = nextTs();
    env.fake.addMessage('CPROPOSE', { ts, user: 'UKIM', text: 'Budget of the <!channel> Bilbao forum' });
    const react = () =>
      sendEvent({
        type: 'reaction_added',
        user: 'UFR',
        reaction: 'clipboard',
        item_user: 'UKIM',
        item: { type: 'message', channel: 'CPROPOSE', ts },
        event_ts: nextTs(),
      });
    await react();
    const refused = await waitFor(() => ephemeralsTo('CPROPOSE', 'UFR')[0], 'the refusal');
    expect(String(refused.body.text)).toMatch(/^Seuls les représentants des membres au Comité Directeur/);

    await env.slack.bot.services.roles.grant(
      { platform: 'slack', id: 'UFR' },
      'advisor',
      undefined,
      'test',
      '2019-05-10T00:00:00Z',
    );
    await react();
    const told = await waitFor(() => ephemeralsTo('CPROPOSE', 'UFR')[1], 'the answer');
    expect(String(told.body.text)).toMatch(/^Proposition n°\u00a0\d+ reçue pour Comité Directeur, T3 2019/);
    const [proposal] = await env.slack.bot.services.proposals.all();
    expect(proposal).toMatchObject({
      meeting: 'sc-2019-q3',
      text: 'Budget of the @\u200Bchannel Bilbao forum',
      proposer: { platform: 'slack', id: 'UFR' },
      source: { platform: 'slack', channel: 'CPROPOSE', messageId: ts },
    });
    // Marked again: the same proposal.
    await react();
    const again = await waitFor(() => ephemeralsTo('CPROPOSE', 'UFR')[2], 'the second answer');
    expect(String(again.body.text)).toContain(`c'est la proposition n°\u00a0${proposal!.number}`);
  });
});
