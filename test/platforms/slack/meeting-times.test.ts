import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realCatalog } from '../../support/test-bot.js';
import { timedQ1, withOccurrence } from '../../support/timed-meetings.js';
import { waitFor } from '../../support/wait-for.js';
import { FakeSlackApi } from './fake-slack-api.js';
import {
  eventBody,
  postSigned,
  sendSlashCommand,
  slackPlainText,
  startTestSlack,
  type SlackTestEnv,
} from './slack-test-kit.js';

// The Q1 2027 meeting, confirmed on 27 January 14:00–16:00 in Paris (13:00–15:00 UTC), asked about in November 2026.
const NOW = '2026-11-30T10:00:00';
const START = Date.parse('2027-01-27T13:00:00Z') / 1000;
const END = Date.parse('2027-01-27T15:00:00Z') / 1000;

const env = {} as SlackTestEnv;
beforeAll(async () => {
  env.fake = await FakeSlackApi.start();
  env.fake.zones.set('UMTL', 'America/Montreal');
  env.fake.zones.set('UMAD', 'America/Montreal');
  env.fake.zones.set('UODD', 'Mars/Olympus_Mons');
  const data = withOccurrence(await realCatalog(), timedQ1('2027-01-27', '14:00', 'Europe/Paris'));
  env.slack = await startTestSlack(env.fake, NOW, undefined, undefined, {}, data);
});
afterAll(async () => {
  await env.slack?.platform.stop();
  await env.fake?.close();
});

let responses = 0;
const command = (text: string, user: string) => sendSlashCommand(env, text, user, `tz${++responses}`);

/** The tokens Slack's clients turn into each reader's own time, falling back to `fallback` (start, end). */
function tokens(fallback: [string, string]): string {
  return (
    `<!date^${START}^{date_long_pretty} {time}|${fallback[0]}>–<!date^${END}^{time}|${fallback[1]}>` +
    ' · 14:00–16:00 (Europe/Paris)'
  );
}

describe('a meeting time in Slack', () => {
  it("is written as date tokens, falling back to the asker's profile zone, and `tz` says where the zone comes from", async () => {
    const { answer } = await command('agenda Q1 2027', 'UMTL');
    expect(slackPlainText(answer.blocks)).toContain(
      tokens(['Wednesday, 27 January 2027, 08:00', '10:00 (America/Montreal)']),
    );
    expect((await command('tz', 'UMTL')).answer.text).toBe(
      'Your time zone is America/Montreal (UTC-05:00 now), from your profile.',
    );
  });

  it("follows the person's `tz` choice over their profile's", async () => {
    expect((await command('tz Europe/Madrid', 'UMAD')).answer.text).toBe(
      'Meeting times are now written for you in Europe/Madrid (UTC+01:00 now).',
    );
    const { answer } = await command('agenda Q1 2027', 'UMAD');
    expect(slackPlainText(answer.blocks)).toContain(
      tokens(['Wednesday, 27 January 2027, 14:00', '16:00 (Europe/Madrid)']),
    );
  });

  it("takes a profile zone it does not know for none: the bot's", async () => {
    expect((await command('tz', 'UODD')).answer.text).toBe(
      "Your time zone is Asia/Seoul (UTC+09:00 now), the bot's: you have not chosen one.",
    );
  });

  it("writes it so in a direct message, in the person's zone", async () => {
    const response = await postSigned(
      env.slack.url,
      eventBody({
        type: 'message',
        channel_type: 'im',
        user: 'UMTL',
        text: 'agenda Q1 2027',
        ts: '1764500000.000100',
        channel: 'DMTL',
        event_ts: '1764500000.000100',
      }),
      { contentType: 'application/json' },
    );
    expect(response.status).toBe(200);
    const post = await waitFor(
      () => env.fake.succeeded('chat.postMessage').find((c) => c.body.channel === 'DMTL'),
      'the answer in the DM',
    );
    expect(slackPlainText(post.body.blocks)).toContain(
      tokens(['Wednesday, 27 January 2027, 08:00', '10:00 (America/Montreal)']),
    );
  });
});
