import { describe, expect, it } from 'vitest';
import { reply } from '../../../src/reply/reply.js';

import { FAST_RETRIES, slackPlainText, useTestSlack } from './slack-test-kit.js';

const env = useTestSlack();

const reminder = reply('ok', 'Steering Committee, Q3 2019', [
  { type: 'list', items: [{ title: 'Medellín, 8 – 9 July 2019', details: ['Face to face'] }] },
]);

function attemptsIn(channel: string) {
  return env.fake.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);
}

describe('the Slack ChannelPoster', () => {
  it('posts the reply as blocks with its title as the notification text', async () => {
    await env.slack.platform.post('CPLAIN', reminder);
    const [post] = attemptsIn('CPLAIN');
    expect(post!.body.text).toBe('Steering Committee, Q3 2019');
    expect(slackPlainText(post!.body.blocks)).toContain('Medellín, 8 – 9 July 2019');
  });

  it('waits out a 429 for its Retry-After, then posts exactly once', async () => {
    env.fake.failNext('chat.postMessage', 1, { status: 429, retryAfter: 1 });
    await env.slack.platform.post('C429', reminder);
    expect(attemptsIn('C429').map((c) => c.status)).toEqual([429, 200]);
  });

  it('retries a 500, then posts exactly once', async () => {
    env.fake.failNext('chat.postMessage', 1, { status: 500 });
    await env.slack.platform.post('C500', reminder);
    expect(attemptsIn('C500').map((c) => c.status)).toEqual([500, 200]);
  });

  it('rejects after a couple of quick retries when Slack keeps failing, and has posted nothing', async () => {
    env.fake.failNext('chat.postMessage', FAST_RETRIES.retries! + 1, { status: 500 });
    await expect(env.slack.platform.post('CDOWN', reminder)).rejects.toThrow(/500/);
    expect(attemptsIn('CDOWN').map((c) => c.status)).toEqual(Array(FAST_RETRIES.retries! + 1).fill(500));
  });

  it("keeps a reminder's mark with its message, out of sight, and finds it again in the channel", async () => {
    const poster = env.slack.platform;
    env.fake.messages.set('CMARK', [{ ts: '1550000000.000001', user: 'U0ANA', text: 'Steering Committee, Q3 2019' }]);
    expect(await poster.wasPosted!('CMARK', reminder, 'sc-2019-q3@P14D')).toBe(false); // the same words, from a person
    await poster.post('CMARK', reminder, 'sc-2019-q3@P14D');
    expect(attemptsIn('CMARK')[0]!.body.metadata).toEqual({
      event_type: 'gsef_posted',
      event_payload: { mark: 'sc-2019-q3@P14D' },
    });
    expect(await poster.wasPosted!('CMARK', reminder, 'sc-2019-q3@P14D')).toBe(true);
    expect(await poster.wasPosted!('CMARK', reminder, 'sc-2019-q3@P3D')).toBe(false);
    const lookup = env.fake.callsTo('conversations.history').at(-1)!.body;
    expect([lookup.channel, String(lookup.include_all_metadata)]).toEqual(['CMARK', 'true']);
  });
});
