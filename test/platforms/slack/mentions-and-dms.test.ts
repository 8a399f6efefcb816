import { describe, expect, it } from 'vitest';
import { waitFor } from '../../support/wait-for.js';
import type { RecordedCall } from './fake-slack-api.js';
import { eventBody, postSigned, slackPlainText, useTestSlack } from './slack-test-kit.js';

const env = useTestSlack((fake) => {
  fake.locales.set('UFR', 'fr-FR');
});

async function sendEvent(event: Record<string, unknown>): Promise<void> {
  const response = await postSigned(env.slack.url, eventBody(event), { contentType: 'application/json' });
  expect(response.status).toBe(200);
}

function postsTo(channel: string): RecordedCall[] {
  return env.fake.succeeded('chat.postMessage').filter((c) => c.body.channel === channel);
}

describe('mentions', () => {
  it('answers `@gsef when is the next event in Africa?` in a thread under the question', async () => {
    await sendEvent({
      type: 'app_mention',
      user: 'U1',
      text: '<@UBOT> when is the next event in Africa?',
      ts: '1557446400.000100',
      channel: 'CMENTION',
      event_ts: '1557446400.000100',
    });
    const post = await waitFor(() => postsTo('CMENTION')[0], 'the answer');
    expect(post.body.thread_ts).toBe('1557446400.000100');
    expect(post.body.text).toBe('Next GSEF event');
    expect(slackPlainText(post.body.blocks)).toContain('Africa Policy Dialogue');
  });

  it('apologizes in the asker language, in the thread, when the answer cannot be posted', async () => {
    env.fake.failNext('chat.postMessage', 3, { status: 500 });
    await sendEvent({
      type: 'app_mention',
      user: 'UFR',
      text: '<@UBOT> agenda',
      ts: '1557446400.000200',
      channel: 'CFAIL',
      event_ts: '1557446400.000200',
    });
    const apology = await waitFor(() => postsTo('CFAIL')[0], 'the apology');
    expect(String(apology.body.text)).toContain('Désolé');
    expect(apology.body.thread_ts).toBe('1557446400.000200');
    expect(env.slack.logs.some((e) => e.level === 'error' && e.context.channel === 'CFAIL')).toBe(true);
  });
});

describe('direct messages', () => {
  it('answers a question in the DM', async () => {
    await sendEvent({
      type: 'message',
      channel_type: 'im',
      user: 'UFR',
      text: 'quand est la prochaine réunion ?',
      ts: '1557446400.000300',
      channel: 'DFR',
      event_ts: '1557446400.000300',
    });
    const post = await waitFor(() => postsTo('DFR')[0], 'the answer');
    expect(post.body.thread_ts).toBeUndefined();
    expect(String(post.body.text)).toMatch(/^Comité Directeur/);
  });

  it('answers small talk with the short help', async () => {
    await sendEvent({
      type: 'message',
      channel_type: 'im',
      user: 'U1',
      text: 'hello there',
      ts: '1557446400.000400',
      channel: 'DSMALL',
      event_ts: '1557446400.000400',
    });
    const post = await waitFor(() => postsTo('DSMALL')[0], 'the short help');
    expect(post.body.text).toBe('Sorry, I did not understand that question.');
    expect(slackPlainText(post.body.blocks)).toContain('When is the next event in Africa?');
  });

  it("ignores the bot's own messages, other bots, edits and deletions", async () => {
    const base = {
      type: 'message',
      channel_type: 'im',
      channel: 'DIGNORE',
      ts: '1557446400.000500',
      event_ts: '1557446400.000500',
    };
    await sendEvent({ ...base, user: 'UBOT', text: 'Next GSEF event' });
    await sendEvent({ ...base, subtype: 'bot_message', bot_id: 'BOTHER', text: 'help' });
    await sendEvent({ ...base, bot_id: 'BOTHER', user: 'UOTHERBOT', text: 'help' });
    await sendEvent({
      ...base,
      subtype: 'message_changed',
      message: { user: 'U1', text: 'help' },
      previous_message: { user: 'U1', text: 'hlep' },
    });
    await sendEvent({ ...base, subtype: 'message_deleted', previous_message: { user: 'U1', text: 'help' } });
    await sendEvent({ ...base, user: 'U1', text: 'help', ts: '1557446400.000600' });
    await waitFor(() => postsTo('DIGNORE')[0], 'the answer to the one real message');
    expect(postsTo('DIGNORE')).toHaveLength(1);
    expect(postsTo('DIGNORE')[0]!.body.text).toBe('GSEF bot commands');
  });
});
